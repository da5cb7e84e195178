using ZkInference.Market.Ipfs;

namespace ZkInference.Market.Tests.Ipfs;

/// <summary>A decoded dag-pb link.</summary>
public sealed record PbLink(Cid Cid, string? Name, ulong? Tsize);

/// <summary>A decoded dag-pb node with its UnixFS data.</summary>
public sealed record PbNode(List<PbLink> Links, ulong? UnixFsType, byte[]? Data, ulong? FileSize, List<ulong> BlockSizes);

/// <summary>
/// An independent decoder of dag-pb/UnixFS blocks for the structural tests (a protobuf reader written for the tests,
/// sharing nothing with the encoder but Cid).
/// </summary>
public static class DagReader
{
    public static PbNode Decode(byte[] block)
    {
        var links = new List<PbLink>();
        byte[]? unixfs = null;
        int i = 0;
        while (i < block.Length)
        {
            (int field, int wire) = Tag(block, ref i);
            if (wire != 2) throw new FormatException($"PBNode field {field} has wire type {wire}");
            byte[] value = Bytes(block, ref i);
            if (field == 2) links.Add(DecodeLink(value));
            else if (field == 1) unixfs = value;
            else throw new FormatException($"PBNode field {field}");
        }
        ulong? type = null, fileSize = null;
        byte[]? data = null;
        var blockSizes = new List<ulong>();
        if (unixfs != null)
        {
            i = 0;
            while (i < unixfs.Length)
            {
                (int field, int wire) = Tag(unixfs, ref i);
                switch (field, wire)
                {
                    case (1, 0): type = Varint(unixfs, ref i); break;
                    case (2, 2): data = Bytes(unixfs, ref i); break;
                    case (3, 0): fileSize = Varint(unixfs, ref i); break;
                    case (4, 0): blockSizes.Add(Varint(unixfs, ref i)); break;
                    default: throw new FormatException($"UnixFS field {field} wire {wire}");
                }
            }
        }
        return new PbNode(links, type, data, fileSize, blockSizes);
    }

    private static PbLink DecodeLink(byte[] bytes)
    {
        Cid? cid = null;
        string? name = null;
        ulong? tsize = null;
        int i = 0;
        while (i < bytes.Length)
        {
            (int field, int wire) = Tag(bytes, ref i);
            switch (field, wire)
            {
                case (1, 2): cid = Cid.FromBytes(Bytes(bytes, ref i)); break;
                case (2, 2): name = System.Text.Encoding.UTF8.GetString(Bytes(bytes, ref i)); break;
                case (3, 0): tsize = Varint(bytes, ref i); break;
                default: throw new FormatException($"PBLink field {field} wire {wire}");
            }
        }
        return new PbLink(cid ?? throw new FormatException("link without hash"), name, tsize);
    }

    private static (int Field, int Wire) Tag(byte[] b, ref int i)
    {
        ulong tag = Varint(b, ref i);
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    private static byte[] Bytes(byte[] b, ref int i)
    {
        int length = checked((int)Varint(b, ref i));
        byte[] value = b[i..(i + length)];
        i += length;
        return value;
    }

    private static ulong Varint(byte[] b, ref int i)
    {
        ulong v = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte x = b[i++];
            v |= (ulong)(x & 0x7F) << shift;
            if (x < 0x80) return v;
        }
    }
}
