namespace ZkInference.Market.Ipfs;

/// <summary>A link from a dag-pb node to a child block, with what the parent must record about it.</summary>
/// <param name="Cid">The child block.</param>
/// <param name="TotalSize">dag-pb Tsize: the child block's size plus the Tsize of everything below it.</param>
/// <param name="FileSize">The number of file bytes under the child (UnixFS blocksizes entry).</param>
internal readonly record struct DagLink(Cid Cid, ulong TotalSize, ulong FileSize);

/// <summary>
/// Encodes UnixFS file nodes as dag-pb blocks, byte for byte as go-unixfs and js-ipfs-unixfs-importer do.
/// <code>
/// PBNode { repeated PBLink Links = 2; optional bytes Data = 1; }     links are written before data
/// PBLink { optional bytes Hash = 1; optional string Name = 2; optional uint64 Tsize = 3; }
/// UnixFS Data { required Type = 1 (File = 2); optional bytes Data = 2; optional uint64 filesize = 3;
///               repeated uint64 blocksizes = 4 (not packed); }
/// </code>
/// File nodes have an empty link name (written, as the importers do) and leave Data out when there are no bytes.
/// </summary>
internal sealed class DagPb
{
    private const ulong UnixFsFile = 2;
    private readonly ProtoWriter _unixfs = new(), _link = new(), _node = new();

    /// <summary>A leaf holding file bytes: PBNode { Data = UnixFS { File, Data = chunk, filesize } }.</summary>
    public ReadOnlySpan<byte> Leaf(ReadOnlySpan<byte> chunk)
    {
        _unixfs.Clear();
        _unixfs.VarintField(1, UnixFsFile);
        if (!chunk.IsEmpty) _unixfs.BytesField(2, chunk);
        _unixfs.VarintField(3, (ulong)chunk.Length);
        _node.Clear();
        _node.BytesField(1, _unixfs.Written);
        return _node.Written;
    }

    /// <summary>An inner node: links to the children, and UnixFS { File, filesize = sum, blocksizes = each child's }.</summary>
    public ReadOnlySpan<byte> Parent(IReadOnlyList<DagLink> children)
    {
        _node.Clear();
        _unixfs.Clear();
        _unixfs.VarintField(1, UnixFsFile);
        ulong fileSize = 0;
        foreach (DagLink child in children) fileSize += child.FileSize;
        _unixfs.VarintField(3, fileSize);
        foreach (DagLink child in children)
        {
            _unixfs.VarintField(4, child.FileSize);
            _link.Clear();
            _link.BytesField(1, child.Cid.ToBytes());
            _link.BytesField(2, []);
            _link.VarintField(3, child.TotalSize);
            _node.BytesField(2, _link.Written);
        }
        _node.BytesField(1, _unixfs.Written);
        return _node.Written;
    }
}
