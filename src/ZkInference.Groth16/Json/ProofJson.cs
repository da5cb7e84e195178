using System.Text.Json;
using ZkInference.Groth16.Formats;

namespace ZkInference.Groth16.Json;

/// <summary>snarkjs's <c>proof.json</c>: <c>{pi_a, pi_b, pi_c, protocol: "groth16", curve: "bn128"}</c>.</summary>
public static class ProofJson
{
    /// <summary>The JSON text exactly as snarkjs writes it.</summary>
    public static string Format(in Proof proof) => new SnarkJsWriter()
        .BeginObject()
        .Key("pi_a").Strings(proof.A.ToSnarkJs())
        .Key("pi_b").StringPairs(proof.B.ToSnarkJs())
        .Key("pi_c").Strings(proof.C.ToSnarkJs())
        .Key("protocol").String("groth16")
        .Key("curve").String("bn128")
        .EndObject().ToString();

    /// <summary>
    /// Parses a proof strictly: exact shapes, decimal coordinates below q, z = 1 (or 0 for the identity),
    /// protocol "groth16" and curve "bn128" when present. Points are NOT checked to be on the curve here:
    /// the verifier reports that ("Proof commitments are not valid"), as snarkjs does.
    /// </summary>
    /// <exception cref="Groth16Exception">Malformed JSON or values; the message names <paramref name="name"/> and the member.</exception>
    public static Proof Parse(string json, string name = "proof.json")
    {
        using JsonDocument doc = StrictJson.Parse(json, name);
        JsonElement root = doc.RootElement;
        StrictJson.ExpectString(root, "protocol", "groth16", name);
        StrictJson.ExpectString(root, "curve", "bn128", name);
        return new Proof(
            StrictJson.G1(StrictJson.Member(root, "pi_a", name), name, "pi_a"),
            StrictJson.G2(StrictJson.Member(root, "pi_b", name), name, "pi_b"),
            StrictJson.G1(StrictJson.Member(root, "pi_c", name), name, "pi_c"));
    }

    /// <summary>Reads and parses a proof file (see <see cref="Parse"/>).</summary>
    /// <exception cref="Groth16Exception">The file cannot be read or is malformed.</exception>
    public static Proof Read(string path) => Parse(StrictJson.ReadFile(path), path);

    /// <summary>Writes a proof file atomically.</summary>
    /// <exception cref="Groth16Exception">The file cannot be written.</exception>
    public static void Write(string path, in Proof proof) => AtomicFile.WriteText(path, Format(proof));
}
