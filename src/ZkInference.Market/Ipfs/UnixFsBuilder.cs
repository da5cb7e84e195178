namespace ZkInference.Market.Ipfs;

/// <summary>Receives each block of a DAG as it is made (leaves first, the root last).</summary>
/// <param name="cid">The block's CID.</param>
/// <param name="block">The block's bytes, valid only during the call.</param>
public delegate void BlockSink(Cid cid, ReadOnlySpan<byte> block);

/// <summary>
/// Computes a file's UnixFS CID incrementally, as <c>ipfs add</c> does, in memory bounded by one chunk plus one
/// pending node per tree level: write the bytes in any pieces, then <see cref="Complete"/>.
/// </summary>
/// <remarks>
/// Layout (kubo's balanced builder, and ipfs-unixfs-importer's): the file is cut into fixed-size chunks (an empty
/// file is one empty chunk); one chunk is its own root; otherwise consecutive groups of up to
/// <see cref="UnixFsOptions.MaxLinks"/> nodes get a parent, level by level, until one node remains. Here a level's
/// group is closed only when a node arrives that does not fit, so the tree grows as the bytes stream in.
/// </remarks>
public sealed class UnixFsBuilder
{
    private readonly UnixFsOptions _options;
    private readonly byte[] _chunk;
    private readonly List<List<DagLink>> _levels = [];
    private readonly DagPb _encoder = new();
    private readonly BlockSink? _sink;
    private int _buffered;
    private long _leaves;
    private bool _completed;

    /// <summary>Starts a file with the given options (default: <see cref="UnixFsOptions.Kubo"/>).</summary>
    /// <param name="options">How to chunk and lay out the file.</param>
    /// <param name="sink">Called with every block made (to store or export the DAG); null when only the CID matters.</param>
    /// <exception cref="IpfsException">The options are out of range.</exception>
    public UnixFsBuilder(UnixFsOptions? options = null, BlockSink? sink = null)
    {
        _sink = sink;
        _options = options ?? UnixFsOptions.Kubo;
        _options.Validate();
        _chunk = new byte[_options.ChunkSize];
    }

    /// <summary>The number of file bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Appends file bytes.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (_completed) throw new InvalidOperationException("the file is already complete");
        Length += data.Length;
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, _chunk.Length - _buffered);
            data[..n].CopyTo(_chunk.AsSpan(_buffered));
            _buffered += n;
            data = data[n..];
            if (_buffered == _chunk.Length) FlushChunk();
        }
    }

    /// <summary>Finishes the DAG and returns its root CID.</summary>
    public Cid Complete()
    {
        if (_completed) throw new InvalidOperationException("the file is already complete");
        _completed = true;
        if (_buffered > 0 || _leaves == 0) FlushChunk();
        for (int level = 0; ; level++)
        {
            List<DagLink> nodes = _levels[level];
            if (nodes.Count == 1 && level == _levels.Count - 1) return nodes[0].Cid;
            Add(level + 1, Parent(nodes));
            nodes.Clear();
        }
    }

    private void FlushChunk()
    {
        ReadOnlySpan<byte> chunk = _chunk.AsSpan(0, _buffered);
        DagLink leaf;
        if (_options.RawLeaves)
        {
            // A raw block has no CIDv0 form, so raw leaves are CIDv1 whatever the parents' version (as in kubo).
            leaf = new DagLink(Cid.OfBlock(1, Cid.Raw, chunk), (ulong)chunk.Length, (ulong)chunk.Length);
            _sink?.Invoke(leaf.Cid, chunk);
        }
        else
        {
            ReadOnlySpan<byte> block = _encoder.Leaf(chunk);
            leaf = new DagLink(Cid.OfBlock(_options.CidVersion, Cid.DagPb, block), (ulong)block.Length, (ulong)chunk.Length);
            _sink?.Invoke(leaf.Cid, block);
        }
        _buffered = 0;
        _leaves++;
        Add(0, leaf);
    }

    private void Add(int level, DagLink node)
    {
        if (level == _levels.Count) _levels.Add(new List<DagLink>(_options.MaxLinks));
        List<DagLink> nodes = _levels[level];
        if (nodes.Count == _options.MaxLinks)
        {
            // The group is full and more follows: close it under a parent one level up.
            Add(level + 1, Parent(nodes));
            nodes.Clear();
        }
        nodes.Add(node);
    }

    private DagLink Parent(List<DagLink> children)
    {
        ReadOnlySpan<byte> block = _encoder.Parent(children);
        ulong totalSize = (ulong)block.Length, fileSize = 0;
        foreach (DagLink child in children)
        {
            totalSize += child.TotalSize;
            fileSize += child.FileSize;
        }
        var parent = new DagLink(Cid.OfBlock(_options.CidVersion, Cid.DagPb, block), totalSize, fileSize);
        _sink?.Invoke(parent.Cid, block);
        return parent;
    }
}
