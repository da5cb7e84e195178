using System.Text.Json;
using Xunit;

namespace ZkInference.Field.Tests.Evm;

/// <summary>go-ethereum's precompile test vectors from ../shared/vectors/evm.</summary>
public static class EvmVectors
{
    public sealed record Vector(string Name, string Input, string Expected, long Gas)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Vector> Load(string file)
    {
        using var stream = File.OpenRead(SharedData.Path("vectors/evm/" + file));
        var doc = JsonDocument.Parse(stream);
        return doc.RootElement.EnumerateArray()
            .Select(e => new Vector(e.GetProperty("Name").GetString()!, e.GetProperty("Input").GetString()!,
                e.GetProperty("Expected").GetString()!, e.GetProperty("Gas").GetInt64()))
            .ToList();
    }

    public static TheoryData<string, byte, string> Theory()
    {
        var data = new TheoryData<string, byte, string>();
        foreach (var (file, address) in new[] { ("bn256Add.json", (byte)6), ("bn256ScalarMul.json", (byte)7), ("bn256Pairing.json", (byte)8) })
            foreach (var v in Load(file))
                data.Add(file, address, v.Name);
        return data;
    }
}
