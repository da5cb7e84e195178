using System.Runtime.InteropServices;
using System.Text.Json;
using ZkInference.Field;
using ZkInference.Groth16.Formats;

namespace ZkInference.Groth16.Json;

/// <summary>
/// snarkjs's <c>verification_key.json</c> for Groth16: protocol, curve, nPublic, vk_alpha_1, vk_beta_2,
/// vk_gamma_2, vk_delta_2, vk_alphabeta_12 (e(α, β) as 2×3×2 decimal coordinates) and IC.
/// </summary>
public static class VerificationKeyJson
{
    /// <summary>The JSON text exactly as <c>snarkjs zkey export verificationkey</c> writes it.</summary>
    public static string Format(VerifyingKey key)
    {
        var w = new SnarkJsWriter().BeginObject()
            .Key("protocol").String("groth16")
            .Key("curve").String("bn128")
            .Key("nPublic").Number(key.PublicCount)
            .Key("vk_alpha_1").Strings(key.Alpha1.ToSnarkJs())
            .Key("vk_beta_2").StringPairs(key.Beta2.ToSnarkJs())
            .Key("vk_gamma_2").StringPairs(key.Gamma2.ToSnarkJs())
            .Key("vk_delta_2").StringPairs(key.Delta2.ToSnarkJs())
            .Key("vk_alphabeta_12").BeginArray();
        string[] gt = GtCoordinates(key.AlphaBeta);
        for (int half = 0; half < 2; half++)
        {
            w.BeginArray();
            for (int k = 0; k < 3; k++) w.Strings([gt[half * 6 + k * 2], gt[half * 6 + k * 2 + 1]]);
            w.EndArray();
        }
        w.EndArray().Key("IC").BeginArray();
        foreach (G1Affine p in key.IC) w.Strings(p.ToSnarkJs());
        return w.EndArray().EndObject().ToString();
    }

    /// <summary>
    /// The twelve Fp coordinates of a GT element in snarkjs's order (c0.c0.a0, c0.c0.a1, c0.c1.a0, …, c1.c2.a1) for
    /// the tower Fp12 = Fp6[w]/(w² − v), Fp6 = Fp2[v]/(v³ − (9 + u)), the same tower as ZkInference.Field's.
    /// </summary>
    internal static string[] GtCoordinates(Gt value)
    {
        // Gt is a sequential struct of Fp12 → 2 Fp6 → 3 Fp2 → 2 Fp each; read it as twelve Fp.
        ReadOnlySpan<Fp> coordinates = MemoryMarshal.Cast<Gt, Fp>(new ReadOnlySpan<Gt>(in value));
        if (coordinates.Length != 12) throw new InvalidOperationException("unexpected GT layout");
        return coordinates.ToArray().Select(c => c.ToString()).ToArray();
    }

    /// <summary>
    /// Parses a verification key strictly (shapes, canonical coordinates, nPublic = IC count − 1, protocol
    /// groth16, curve bn128). vk_alphabeta_12 is not needed and is ignored. Points are checked by
    /// <see cref="PreparedVerifyingKey"/>.
    /// </summary>
    /// <exception cref="Groth16Exception">Malformed; the message names <paramref name="name"/> and the member.</exception>
    public static VerifyingKey Parse(string json, string name = "verification_key.json")
    {
        using JsonDocument doc = StrictJson.Parse(json, name);
        JsonElement root = doc.RootElement;
        JsonElement protocol = StrictJson.Member(root, "protocol", name);
        if (protocol.ValueKind != JsonValueKind.String || protocol.GetString() != "groth16")
            throw StrictJson.Fail(name, $"is for protocol {protocol.GetRawText()}, not \"groth16\"");
        StrictJson.ExpectString(root, "curve", "bn128", name);
        JsonElement[] icJson = StrictJson.Array(StrictJson.Member(root, "IC", name), null, name, "IC");
        if (icJson.Length == 0) throw StrictJson.Fail(name, "IC is empty");
        var ic = new G1Affine[icJson.Length];
        for (int i = 0; i < ic.Length; i++) ic[i] = StrictJson.G1(icJson[i], name, $"IC[{i}]");
        if (root.TryGetProperty("nPublic", out JsonElement nPublic)
            && (nPublic.ValueKind != JsonValueKind.Number || !nPublic.TryGetInt32(out int n) || n != ic.Length - 1))
            throw StrictJson.Fail(name, $"nPublic ({nPublic.GetRawText()}) does not match the {ic.Length} IC points");
        return new VerifyingKey(
            StrictJson.G1(StrictJson.Member(root, "vk_alpha_1", name), name, "vk_alpha_1"),
            StrictJson.G2(StrictJson.Member(root, "vk_beta_2", name), name, "vk_beta_2"),
            StrictJson.G2(StrictJson.Member(root, "vk_gamma_2", name), name, "vk_gamma_2"),
            StrictJson.G2(StrictJson.Member(root, "vk_delta_2", name), name, "vk_delta_2"),
            ic);
    }

    /// <summary>Reads a verification key file (see <see cref="Parse"/>).</summary>
    /// <exception cref="Groth16Exception">The file cannot be read or is malformed.</exception>
    public static VerifyingKey Read(string path) => Parse(StrictJson.ReadFile(path), path);

    /// <summary>Writes a verification key file atomically.</summary>
    /// <exception cref="Groth16Exception">The file cannot be written.</exception>
    public static void Write(string path, VerifyingKey key) => AtomicFile.WriteText(path, Format(key));
}
