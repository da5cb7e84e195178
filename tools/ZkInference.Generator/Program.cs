using System.Numerics;
using ZkInference.Generator;

// Usage: dotnet run --project tools/ZkInference.Generator [-- <output folder>]
// Writes src/ZkInference.Field/Generated/{Fp,Fr}.g.cs, {Fp,Fr}.Lanes8.g.cs and {Fp,Fr}Vec8.g.cs. CI regenerates and fails on any diff.
string outDir = args.Length > 0
    ? args[0]
    : Path.Combine(FindRepoRoot(), "src", "ZkInference.Field", "Generated");
Directory.CreateDirectory(outDir);

foreach (var field in CurveConfig.Fields)
{
    string path = Path.Combine(outDir, field.Name + ".g.cs");
    File.WriteAllText(path, MontgomeryFieldTemplate.Render(field));
    Console.WriteLine($"wrote {path}");
    string lanes = Path.Combine(outDir, field.Name + ".Lanes8.g.cs");
    File.WriteAllText(lanes, LanesTemplate.Render(field));
    Console.WriteLine($"wrote {lanes}");
    string vector = Path.Combine(outDir, field.Name + "Vec8.g.cs");
    File.WriteAllText(vector, LanesTemplate.RenderVector(field));
    Console.WriteLine($"wrote {vector}");
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ZkInference.sln"))) return dir.FullName;
    throw new InvalidOperationException("ZkInference.sln not found above " + AppContext.BaseDirectory);
}

namespace ZkInference.Generator
{
    /// <summary>A prime field to generate: its type name, modulus and documentation.</summary>
    internal sealed record FieldConfig(string Name, BigInteger Modulus, string Summary);

    /// <summary>BN254 (alt_bn128) as data: the base field Fp and the scalar field Fr.</summary>
    internal static class CurveConfig
    {
        public static readonly FieldConfig[] Fields =
        [
            new("Fp",
                BigInteger.Parse("21888242871839275222246405745257275088696311157297823662689037894645226208583"),
                "An element of the BN254 base field Fp (coordinates of curve points)."),
            new("Fr",
                BigInteger.Parse("21888242871839275222246405745257275088548364400416034343698204186575808495617"),
                "An element of the BN254 scalar field Fr (scalars, circuit wires, snarkjs signals)."),
        ];
    }
}
