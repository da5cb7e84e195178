using System.Runtime.InteropServices;

namespace ZkInference.Field.Internal.X64;

/// <summary>
/// Places generated machine code in memory the processor may execute: mapped writable, filled, then switched
/// to read + execute (never writable and executable at once). Linux only; where the system refuses,
/// <see cref="TryPlace"/> returns null and the managed code is used.
/// </summary>
internal static unsafe partial class ExecutableMemory
{
    private const int ProtRead = 1, ProtWrite = 2, ProtExec = 4;
    private const int MapPrivate = 0x02, MapAnonymous = 0x20;

    /// <summary>Copies <paramref name="code"/> into fresh executable pages and returns their address, or null.</summary>
    public static void* TryPlace(ReadOnlySpan<byte> code)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            nuint size = (nuint)code.Length;
            void* page = mmap(null, size, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            if (page == (void*)-1) return null;
            code.CopyTo(new Span<byte>(page, code.Length));
            if (mprotect(page, size, ProtRead | ProtExec) != 0)
            {
                munmap(page, size);
                return null;
            }
            return page;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(void* address, nuint length, int protection);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(void* address, nuint length);
}
