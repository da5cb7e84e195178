using ZkInference.Field;

namespace ZkInference.Circuit.Formats;

/// <summary>
/// snarkjs's <c>.wtns</c> (iden3 binfile "wtns" version 2): section 1 header (n8 u32, prime, nWitness u32),
/// section 2 the values as canonical little-endian Fr (w[0] = 1, outputs, public inputs, private inputs, internals).
/// </summary>
public static class WtnsFile
{
    private const string Magic = "wtns";
    private const int HeaderSection = 1, ValuesSection = 2;
    private const int HeaderSize = 4 + Fr.SizeInBytes + 4;

    /// <summary>Reads a .wtns file. Every problem is a <see cref="CircuitException"/> naming the file.</summary>
    public static Fr[] Read(string path)
    {
        using BinFileReader r = BinFileReader.Open(path, Magic, 2, 2);
        return Read(r);
    }

    /// <summary>Reads a .wtns from a seekable stream; <paramref name="name"/> is used in error messages.</summary>
    public static Fr[] Read(Stream stream, string name)
    {
        using var r = new BinFileReader(stream, name, Magic, 2, 2);
        return Read(r);
    }

    private static Fr[] Read(BinFileReader r)
    {
        long headerSize = r.OpenSection(HeaderSection, "header");
        if (headerSize != HeaderSize) r.Fail($"has a header section of {headerSize} bytes (expected {HeaderSize})");
        r.ReadFieldHeader();
        uint count = r.ReadUInt32();
        long size = r.OpenSection(ValuesSection, "witness values");
        if (size != (long)count * Fr.SizeInBytes) r.Fail($"declares {count} values but its value section has {size} bytes (expected {(long)count * Fr.SizeInBytes})");
        if (count > Array.MaxLength) r.Fail($"declares {count} values, more than fit in memory");
        var values = new Fr[count];
        for (int i = 0; i < values.Length; i++) values[i] = r.ReadFr($"witness value {i}");
        return values;
    }

    /// <summary>Writes a .wtns file.</summary>
    public static void Write(ReadOnlySpan<Fr> witness, string path)
    {
        using FileStream stream = BinFileWriter.Create(path);
        Write(witness, stream);
    }

    /// <summary>Writes a .wtns to a stream (disposed unless <paramref name="leaveOpen"/>, e.g. for AtomicFile).</summary>
    public static void Write(ReadOnlySpan<Fr> witness, Stream stream, bool leaveOpen = false)
    {
        using var w = new BinFileWriter(stream, Magic, 2, 2, leaveOpen);
        w.BeginSection(HeaderSection, HeaderSize);
        w.WriteFieldHeader();
        w.WriteUInt32((uint)witness.Length);
        w.BeginSection(ValuesSection, (long)witness.Length * Fr.SizeInBytes);
        foreach (ref readonly Fr v in witness) w.WriteFr(v);
        w.Complete();
    }

    /// <summary>
    /// Checks a witness against a constraint system as <c>snarkjs wtns check</c> does: length, w[0] = 1, and every
    /// constraint. Throws <see cref="CircuitException"/> naming the first failing constraint.
    /// </summary>
    public static void Check(ConstraintSystem cs, ReadOnlySpan<Fr> witness, string witnessName)
    {
        SatisfactionResult result = cs.Check(witness);
        if (!result.IsSatisfied) throw new CircuitException($"{witnessName}: {result.Message}");
    }
}
