using System.Buffers.Binary;
using ZkInference.Circuit.Internal;
using ZkInference.Field;

namespace ZkInference.Circuit.Formats;

/// <summary>
/// circom's <c>.r1cs</c> (iden3 binfile "r1cs" version 1): section 1 header (n8, prime, nWires, nPubOut, nPubIn,
/// nPrvIn, nLabels u64, nConstraints), section 2 constraints (per row: nTerms u32, then wire u32 + canonical
/// LE coefficient), section 3 wire-to-label map (u64 per wire); custom-gate sections 4 and 5 are tolerated.
/// Written in circom's section order (2, 1, 3), so circom's files round-trip byte for byte.
/// </summary>
public static class R1csFile
{
    private const string Magic = "r1cs";
    private const int HeaderSection = 1, ConstraintSection = 2, MapSection = 3, CustomGatesListSection = 4, CustomGatesUseSection = 5;
    private const int HeaderSize = 4 + Fr.SizeInBytes + 4 * 4 + 8 + 4;

    /// <summary>Reads a .r1cs file. Every problem (I/O, truncation, corruption, another prime) is a <see cref="CircuitException"/> naming the file.</summary>
    public static ConstraintSystem Read(string path)
    {
        using BinFileReader r = BinFileReader.Open(path, Magic, 1, 1);
        return Read(r);
    }

    /// <summary>Reads a .r1cs from a seekable stream; <paramref name="name"/> is used in error messages.</summary>
    public static ConstraintSystem Read(Stream stream, string name)
    {
        using var r = new BinFileReader(stream, name, Magic, 1, 1);
        return Read(r);
    }

    private static ConstraintSystem Read(BinFileReader r)
    {
        long headerSize = r.OpenSection(HeaderSection, "header");
        if (headerSize != HeaderSize) r.Fail($"has a header section of {headerSize} bytes (expected {HeaderSize})");
        r.ReadFieldHeader();
        uint nWires = r.ReadUInt32(), nOut = r.ReadUInt32(), nPubIn = r.ReadUInt32(), nPrvIn = r.ReadUInt32();
        ulong nLabels = r.ReadUInt64();
        uint nConstraints = r.ReadUInt32();
        if (nWires == 0 || nWires > int.MaxValue) r.Fail($"declares {nWires} wires");
        if (1UL + nOut + nPubIn + nPrvIn > nWires) r.Fail($"declares {nOut} outputs, {nPubIn} public and {nPrvIn} private inputs, more than its {nWires} wires allow");
        if (nLabels > long.MaxValue) r.Fail($"declares {nLabels} labels");

        long size = r.OpenSection(ConstraintSection, "constraints");
        if (nConstraints > size / 12) r.Fail($"declares {nConstraints} constraints but its constraint section has only {size} bytes");
        var store = new ConstraintStore((int)nConstraints, (int)Math.Min(int.MaxValue, Math.Max(16, size / 36)));
        long remaining = size;
        var codec = new FrCodecCache();
        for (long i = 0; i < 3L * nConstraints; i++)
        {
            uint terms = r.ReadUInt32();
            remaining -= 4;
            if (terms > remaining / 36) r.Fail($"constraint #{i / 3} declares {terms} terms, more than the section holds");
            remaining -= 36L * terms;
            ReadOnlySpan<byte> rowBytes = r.Take(36 * (int)terms);
            for (int k = 0; k < terms; k++)
            {
                ReadOnlySpan<byte> term = rowBytes.Slice(36 * k, 36);
                uint wire = BinaryPrimitives.ReadUInt32LittleEndian(term);
                if (wire >= nWires) r.Fail($"constraint #{i / 3} refers to wire {wire}, but there are only {nWires} wires");
                if (!codec.TryRead(term[4..], out Fr coefficient)) r.Fail($"has a coefficient in constraint #{i / 3} that is not below the field modulus");
                store.AddTerm((int)wire, coefficient);
            }
            store.EndRow();
        }
        r.EndSection(ConstraintSection, "constraints");
        store.Trim();

        long mapSize = r.OpenSection(MapSection, "wire-to-label map");
        if (mapSize != 8L * nWires) r.Fail($"has a wire-to-label map of {mapSize} bytes (expected {8L * nWires} for {nWires} wires)");
        long[]? labels = null;
        for (int w = 0; w < nWires; w++)
        {
            ulong label = r.ReadUInt64();
            if (label >= nLabels) r.Fail($"maps wire {w} to label {label}, but there are only {nLabels} labels");
            if (labels is null && label != (ulong)w)
            {
                labels = new long[nWires];
                for (int k = 0; k < w; k++) labels[k] = k;
            }
            if (labels is not null) labels[w] = (long)label;
        }
        return new ConstraintSystem(store, (int)nWires, (int)nOut, (int)nPubIn, (int)nPrvIn)
        {
            LabelCount = (long)nLabels,
            WireLabels = labels,
            UsesCustomGates = r.HasSection(CustomGatesListSection) || r.HasSection(CustomGatesUseSection),
        };
    }

    /// <summary>Writes a .r1cs file (sections 2, 1, 3 as circom orders them).</summary>
    public static void Write(ConstraintSystem cs, string path)
    {
        using FileStream stream = BinFileWriter.Create(path);
        Write(cs, stream);
    }

    /// <summary>Writes a .r1cs to a stream (disposed unless <paramref name="leaveOpen"/>, e.g. for AtomicFile).</summary>
    public static void Write(ConstraintSystem cs, Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(cs);
        ConstraintStore store = cs.Store;
        int n = cs.ConstraintCount;
        using var w = new BinFileWriter(stream, Magic, 1, 3, leaveOpen);
        w.BeginSection(ConstraintSection, 12L * n + 36L * store.TermCount);
        int[] rowStart = store.RowStart, wires = store.Wires;
        Fr[] coeffs = store.Coefficients;
        for (int row = 0; row < 3 * n; row++)
        {
            int start = rowStart[row], end = rowStart[row + 1];
            w.WriteUInt32((uint)(end - start));
            for (int k = start; k < end; k++)
            {
                w.WriteUInt32((uint)wires[k]);
                w.WriteFr(coeffs[k]);
            }
        }
        w.BeginSection(HeaderSection, HeaderSize);
        w.WriteFieldHeader();
        w.WriteUInt32((uint)cs.WireCount);
        w.WriteUInt32((uint)cs.PublicOutputCount);
        w.WriteUInt32((uint)cs.PublicInputCount);
        w.WriteUInt32((uint)cs.PrivateInputCount);
        w.WriteUInt64((ulong)cs.LabelCount);
        w.WriteUInt32((uint)n);
        w.BeginSection(MapSection, 8L * cs.WireCount);
        for (int i = 0; i < cs.WireCount; i++) w.WriteUInt64((ulong)cs.LabelOf(i));
        w.Complete();
    }
}
