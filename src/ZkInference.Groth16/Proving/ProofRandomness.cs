using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ZkInference.Field;

namespace ZkInference.Groth16;

/// <summary>
/// The prover's blinding scalars r and s: uniform in Fr from the operating system's cryptographic generator.
/// On Linux the bytes come straight from the getrandom system call. Going through
/// <see cref="RandomNumberGenerator"/> there would load OpenSSL (libcrypto, libssl and the managed crypto
/// assembly: about 5 MB of resident memory) for 64 bytes, a tenth of a small proof's whole memory budget.
/// </summary>
internal static partial class ProofRandomness
{
    /// <summary>A uniformly random scalar (rejection sampling of 254-bit strings).</summary>
    public static Fr NextScalar()
    {
        Span<byte> bytes = stackalloc byte[32];
        while (true)
        {
            Fill(bytes);
            bytes[31] &= 0x3f;   // r < 2^254: keep 254 bits, accept when below r (probability ≈ 0.76)
            if (Fr.TryReadLittleEndian(bytes, out Fr value)) return value;
        }
    }

    private static void Fill(Span<byte> bytes)
    {
        if (OperatingSystem.IsLinux() && TryGetRandom(bytes)) return;
        FillPortable(bytes);
    }

    // Its own method, never inlined: compiling a call to RandomNumberGenerator loads the crypto assembly even when
    // the call is not taken.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FillPortable(Span<byte> bytes) => RandomNumberGenerator.Fill(bytes);

    // getrandom(2) without flags blocks only until the kernel pool is first initialised, and never returns
    // fewer than 256 requested bytes once it is; any failure (EINTR, ENOSYS on an old kernel) falls back.
    internal static bool TryGetRandom(Span<byte> bytes)
    {
        try
        {
            nint got = GetRandom(ref MemoryMarshal.GetReference(bytes), (nuint)bytes.Length, 0);
            return got == bytes.Length;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "getrandom")]
    private static partial nint GetRandom(ref byte buffer, nuint length, uint flags);
}
