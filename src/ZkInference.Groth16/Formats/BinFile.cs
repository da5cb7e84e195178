using ZkInference.Circuit.Formats;
using ZkInference.Field;

namespace ZkInference.Groth16.Formats;

/// <summary>
/// The iden3 container reader (<see cref="BinFileReader"/>) for .zkey and .ptau: the same reader, reporting
/// problems as <see cref="Groth16Exception"/>s, plus the header point reads those formats need.
/// </summary>
internal sealed class BinFile : BinFileReader
{
    public BinFile(Stream stream, string fileName, string magic, int minVersion, int maxVersion)
        : base(stream, fileName, magic, minVersion, maxVersion, Error) { }

    /// <summary>Opens a file, turning I/O errors into <see cref="Groth16Exception"/>.</summary>
    public static BinFile Open(string path, string magic, int minVersion, int maxVersion) =>
        Open(path, stream => new BinFile(stream, path, magic, minVersion, maxVersion), Error);

    /// <summary>Opens a file of exactly one version.</summary>
    public static BinFile Open(string path, string magic, int version) => Open(path, magic, version, version);

    /// <summary>Reads one G1 point (LEM) that must be on the curve.</summary>
    public G1Affine ReadG1(string what)
    {
        Span<byte> b = stackalloc byte[G1Affine.SizeInBytes];
        ReadBytes(b);
        if (!G1Affine.TryReadMontgomeryLittleEndian(b, out G1Affine p)) Fail($"has {what} that is not a valid G1 point (coordinate ≥ q or not on the curve)");
        return p;
    }

    /// <summary>Reads one G2 point (LEM) that must be on the twist and in G2.</summary>
    public G2Affine ReadG2(string what)
    {
        Span<byte> b = stackalloc byte[G2Affine.SizeInBytes];
        ReadBytes(b);
        if (!G2Affine.TryReadMontgomeryLittleEndian(b, out G2Affine p, checkSubgroup: true)) Fail($"has {what} that is not a valid G2 point (coordinate ≥ q, not on the twist or not in G2)");
        return p;
    }

    private static Exception Error(string message, Exception? inner) =>
        inner is null ? new Groth16Exception(message) : new Groth16Exception(message, inner);
}
