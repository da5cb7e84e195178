using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkInference.Field;
using ZkInference.Circuit.Formats;

namespace ZkInference.Groth16.Formats;

/// <summary>
/// Streams arrays of LEM points out of an open binfile section in chunks of at most 1 MiB, decoding and
/// checking each chunk in parallel (coordinates below q, on the curve; G2 points optionally in G2), and
/// writes arrays of points back through a chunk buffer. Never holds the encoded section twice.
/// </summary>
internal static class PointArrays
{
    private const int ChunkBytes = 1 << 20;
    private const int ParallelBlock = 2048;

    /// <summary>Reads <paramref name="count"/> G1 points; fails naming the first invalid one.</summary>
    public static G1Affine[] ReadG1(BinFile file, int count, string what)
    {
        var result = new G1Affine[count];
        ReadG1(file, result, count, what);
        return result;
    }

    /// <summary>
    /// Fills the first <paramref name="count"/> entries of <paramref name="result"/> with G1 points; fails naming
    /// the first invalid one, numbered from <paramref name="firstIndex"/> (the section's point a chunk starts at).
    /// </summary>
    public static void ReadG1(BinFile file, G1Affine[] result, int count, string what, int firstIndex = 0)
    {
        Read(file, count, G1Affine.SizeInBytes, what, firstIndex, (bytes, start, n) =>
        {
            int bad = -1;
            ForBlocks(n, (lo, hi) =>
            {
                for (int i = lo; i < hi; i++)
                    if (!G1Affine.TryReadMontgomeryLittleEndian(bytes.AsSpan(i * G1Affine.SizeInBytes, G1Affine.SizeInBytes), out result[start + i]))
                    { InterlockedMin(ref bad, i); return; }
            });
            return bad;
        });
    }

    /// <summary>Reads <paramref name="count"/> G2 points (on the twist; in G2 when <paramref name="checkSubgroup"/>).</summary>
    public static G2Affine[] ReadG2(BinFile file, int count, string what, bool checkSubgroup)
    {
        var result = new G2Affine[count];
        Read(file, count, G2Affine.SizeInBytes, what, 0, (bytes, start, n) =>
        {
            int bad = -1;
            ForBlocks(n, (lo, hi) =>
            {
                for (int i = lo; i < hi; i++)
                    if (!G2Affine.TryReadMontgomeryLittleEndian(bytes.AsSpan(i * G2Affine.SizeInBytes, G2Affine.SizeInBytes), out result[start + i], checkSubgroup))
                    { InterlockedMin(ref bad, i); return; }
            });
            return bad;
        });
        return result;
    }

    /// <summary>
    /// Reads <paramref name="count"/> G2 points into <paramref name="storage"/> viewed as G2 points (a G2 point is
    /// exactly two G1 slots), so that one buffer serves every section of the streaming prover. Checks as
    /// <see cref="ReadG2(BinFile, int, string, bool)"/>; errors number the points from <paramref name="firstIndex"/>.
    /// </summary>
    public static void ReadG2Into(BinFile file, G1Affine[] storage, int count, string what, bool checkSubgroup, int firstIndex = 0)
    {
        if (Unsafe.SizeOf<G2Affine>() != 2 * Unsafe.SizeOf<G1Affine>() || (long)storage.Length * Unsafe.SizeOf<G1Affine>() < (long)count * Unsafe.SizeOf<G2Affine>())
            throw new ArgumentException($"the buffer of {storage.Length} G1 slots cannot hold {count} G2 points", nameof(storage));
        Read(file, count, G2Affine.SizeInBytes, what, firstIndex, (bytes, start, n) =>
        {
            int bad = -1;
            ForBlocks(n, (lo, hi) =>
            {
                Span<G2Affine> result = MemoryMarshal.Cast<G1Affine, G2Affine>(storage.AsSpan());
                for (int i = lo; i < hi; i++)
                    if (!G2Affine.TryReadMontgomeryLittleEndian(bytes.AsSpan(i * G2Affine.SizeInBytes, G2Affine.SizeInBytes), out result[start + i], checkSubgroup))
                    { InterlockedMin(ref bad, i); return; }
            });
            return bad;
        });
    }

    private static void Read(BinFile file, int count, int size, string what, int firstIndex, Func<byte[], int, int, int> decode)
    {
        int perChunk = Math.Max(1, ChunkBytes / size);
        byte[] chunk = ArrayPool<byte>.Shared.Rent(Math.Min(count, perChunk) * size);
        try
        {
            for (int start = 0; start < count; start += perChunk)
            {
                int n = Math.Min(perChunk, count - start);
                file.ReadBytes(chunk.AsSpan(0, n * size));
                int bad = decode(chunk, start, n);
                if (bad >= 0) file.Fail($"has {what} point {firstIndex + start + bad} that is not a valid point (coordinate ≥ q or not on the curve{(size == G2Affine.SizeInBytes ? "/in G2" : "")})");
            }
        }
        finally { ArrayPool<byte>.Shared.Return(chunk); }
    }

    private static void ForBlocks(int n, Action<int, int> body)
    {
        if (n <= ParallelBlock) { body(0, n); return; }
        int blocks = (n + ParallelBlock - 1) / ParallelBlock;
        Parallel.For(0, blocks, Parallelism.Cores, b => body(b * ParallelBlock, Math.Min(n, (b + 1) * ParallelBlock)));
    }

    private static void InterlockedMin(ref int target, int value)
    {
        int current;
        while (((current = Volatile.Read(ref target)) < 0 || value < current)
               && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }

    /// <summary>Writes G1 points in LEM.</summary>
    public static void Write(BinFileWriter writer, ReadOnlySpan<G1Affine> points)
    {
        foreach (ref readonly G1Affine p in points) p.WriteMontgomeryLittleEndian(writer.Reserve(G1Affine.SizeInBytes));
    }

    /// <summary>Writes G2 points in LEM.</summary>
    public static void Write(BinFileWriter writer, ReadOnlySpan<G2Affine> points)
    {
        foreach (ref readonly G2Affine p in points) p.WriteMontgomeryLittleEndian(writer.Reserve(G2Affine.SizeInBytes));
    }
}
