using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using ZkInference.Market.Ipfs;

namespace ZkInference.Market.Tests.Ipfs;

/// <summary>
/// The DAG behind a CID, decoded block by block with an independent reader and checked against the layout rules:
/// fixed chunks, every block hashing to its CID, all leaves at one depth, full groups except the last at each
/// level, filesize/blocksizes/Tsize consistent, and the leaves spelling the file.
/// </summary>
public sealed class DagStructureTests
{
    private sealed record Dag(Cid Root, Dictionary<Cid, byte[]> Blocks);

    private static Dag Build(Stream content, UnixFsOptions options, int pieceSize = 1 << 16)
    {
        var blocks = new Dictionary<Cid, byte[]>();
        var builder = new UnixFsBuilder(options, (cid, block) =>
        {
            Assert.Equal(cid, Cid.OfBlock(cid.Version, cid.Codec, block));
            blocks[cid] = block.ToArray();
        });
        byte[] buffer = new byte[pieceSize];
        int n;
        while ((n = content.Read(buffer)) > 0) builder.Write(buffer.AsSpan(0, n));
        return new Dag(builder.Complete(), blocks);
    }

    /// <summary>Walks the DAG, checks every rule, and returns (depth, leaf count, file bytes hash).</summary>
    private static (int Depth, int Leaves, byte[] Sha256) Check(Dag dag, UnixFsOptions options, long size)
    {
        using var file = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var leafDepths = new HashSet<int>();
        int leaves = 0;
        var levelCounts = new Dictionary<int, List<int>>(); // depth → link counts of the nodes at that depth, in order

        (ulong FileSize, ulong Tsize) Walk(Cid cid, int depth)
        {
            byte[] block = dag.Blocks[cid];
            if (cid.Codec == Cid.Raw)
            {
                Assert.True(options.RawLeaves);
                Assert.True(block.Length <= options.ChunkSize);
                leafDepths.Add(depth);
                leaves++;
                file.AppendData(block);
                return ((ulong)block.Length, (ulong)block.Length);
            }
            Assert.Equal(cid.Version, options.CidVersion);
            PbNode node = DagReader.Decode(block);
            Assert.Equal(2UL, node.UnixFsType); // File
            if (node.Links.Count == 0)
            {
                Assert.False(options.RawLeaves); // raw leaves never become dag-pb nodes, not even an empty file
                byte[] data = node.Data ?? [];
                Assert.True(data.Length <= options.ChunkSize);
                Assert.Equal((ulong)data.Length, node.FileSize);
                leafDepths.Add(depth);
                leaves++;
                file.AppendData(data);
                return ((ulong)data.Length, (ulong)block.Length);
            }
            Assert.Null(node.Data);
            Assert.InRange(node.Links.Count, 1, options.MaxLinks);
            Assert.Equal(node.Links.Count, node.BlockSizes.Count);
            (levelCounts.TryGetValue(depth, out var counts) ? counts : levelCounts[depth] = []).Add(node.Links.Count);
            ulong fileSize = 0, tsize = (ulong)block.Length;
            for (int i = 0; i < node.Links.Count; i++)
            {
                PbLink link = node.Links[i];
                Assert.Equal("", link.Name);
                var (childFile, childTsize) = Walk(link.Cid, depth + 1);
                Assert.Equal(childFile, node.BlockSizes[i]);
                Assert.Equal(childTsize, link.Tsize);
                fileSize += childFile;
                tsize += childTsize;
            }
            Assert.Equal(fileSize, node.FileSize);
            return (fileSize, tsize);
        }

        var (total, _) = Walk(dag.Root, 0);
        Assert.Equal((ulong)size, total);
        Assert.Single(leafDepths); // balanced: every leaf at the same depth
        Assert.Equal(Math.Max(1, (size + options.ChunkSize - 1) / options.ChunkSize), leaves);
        foreach (var counts in levelCounts.Values)
            Assert.All(counts.SkipLast(1), c => Assert.Equal(options.MaxLinks, c)); // only the last node of a level is partial
        return (leafDepths.Single(), leaves, file.GetHashAndReset());
    }

    private static int ExpectedDepth(long leaves, int maxLinks)
    {
        int depth = 0;
        for (long capacity = 1; capacity < leaves; capacity *= maxLinks) depth++;
        return depth;
    }

    [Theory]
    [InlineData("v0")]
    [InlineData("v1")]
    [InlineData("v1_rawLeaves")]
    public void TwoLevelVectorHasTheExpectedShape(string profile)
    {
        // det_46000000B: 176 chunks → a root over a full node of 174 leaves and a node of 2.
        IpfsVector v = IpfsVectors.Named("det_46000000B");
        UnixFsOptions options = CidVectorTests.OptionsFor(profile);
        using Stream input = v.Open();
        Dag dag = Build(input, options);
        Assert.Equal(v.Cids[profile], dag.Root.ToString());
        var (depth, leaves, sha) = Check(dag, options, v.Size);
        Assert.Equal((2, 176), (depth, leaves));
        Assert.Equal(v.Sha256, Convert.ToHexStringLower(sha));
        Assert.Equal([174, 2], DagReader.Decode(dag.Blocks[dag.Root]).Links.Select(l => DagReader.Decode(dag.Blocks[l.Cid]).Links.Count));
    }

    [Theory]
    [InlineData(174L * 262144, 1)]     // exactly one full node: one level
    [InlineData(174L * 262144 + 1, 2)] // one byte more: a second level, the new leaf under its own parent
    [InlineData(174L * 262144 - 1, 1)]
    public void The174LinkBoundaryWithRealParameters(long size, int depth)
    {
        foreach (UnixFsOptions options in new[] { UnixFsOptions.Kubo, UnixFsOptions.KuboV1 })
        {
            Dag dag = Build(IpfsVectors.Det(size), options);
            var result = Check(dag, options, size);
            Assert.Equal(depth, result.Depth);
            using Stream reference = IpfsVectors.Det(size);
            Assert.Equal(SHA256.HashData(reference), result.Sha256);
        }
    }

    [Fact]
    public void StructureHoldsForRandomSizesAndSmallParameters() =>
        // Small chunks and fan-outs reach deep trees and every boundary (k·chunk, maxLinks^d leaves, ±1) cheaply.
        Prop.ForAll(
            Gen.Choose(1, 9).SelectMany(chunk => Gen.Choose(2, 5).SelectMany(links => Gen.Elements(true, false).SelectMany(raw =>
                Gen.Choose(0, 3).SelectMany(d => Gen.Choose(-1, 1).SelectMany(delta => Gen.Choose(0, 300).SelectMany(free =>
                    Gen.Elements(true, false).Select(onBoundary => (chunk, links, raw, d, delta, free, onBoundary)))))))).ToArbitrary(),
            t =>
            {
                var options = new UnixFsOptions { ChunkSize = t.chunk, MaxLinks = t.links, RawLeaves = t.raw, CidVersion = t.raw ? 1 : t.d % 2 };
                long boundary = (long)Math.Pow(t.links, t.d) * t.chunk;
                long size = t.onBoundary ? Math.Max(0, boundary + t.delta) : t.free;
                Dag dag = Build(new DetStream(size), options, pieceSize: 7);
                var (depth, leaves, _) = Check(dag, options, size);
                return depth == ExpectedDepth(leaves, t.links);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void PiecesDoNotMatter() =>
        Prop.ForAll(Gen.Choose(0, 5000).SelectMany(size => Gen.Choose(1, 700).Select(piece => (size, piece))).ToArbitrary(), t =>
        {
            var options = new UnixFsOptions { ChunkSize = 100, MaxLinks = 3 };
            byte[] content = new byte[t.size];
            new DetStream(t.size).ReadExactly(content);
            Cid whole = UnixFs.ComputeCid(content, options);
            return whole.Equals(Build(new MemoryStream(content), options, t.piece).Root);
        }).QuickCheckThrowOnFailure();
}
