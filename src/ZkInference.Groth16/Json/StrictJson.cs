using System.Numerics;
using System.Text.Json;
using ZkInference.Field;

namespace ZkInference.Groth16.Json;

/// <summary>
/// Strict readers for snarkjs JSON values: decimal strings only (no signs, no reduction), exact array shapes,
/// field elements below their modulus. Errors are <see cref="Groth16Exception"/> naming the file and the member.
/// </summary>
internal static class StrictJson
{
    public static JsonDocument Parse(string json, string name)
    {
        try { return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException e) { throw new Groth16Exception($"{name}: is not valid JSON: {e.Message}", e); }
    }

    public static string ReadFile(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Groth16Exception($"{path}: cannot be read: {e.Message}", e);
        }
    }

    public static JsonElement Member(JsonElement obj, string key, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object) throw Fail(name, "is not a JSON object");
        if (!obj.TryGetProperty(key, out JsonElement value)) throw Fail(name, $"has no \"{key}\"");
        return value;
    }

    public static JsonElement[] Array(JsonElement e, int? length, string name, string what)
    {
        if (e.ValueKind != JsonValueKind.Array) throw Fail(name, $"{what} is not an array");
        JsonElement[] items = e.EnumerateArray().ToArray();
        if (length is int n && items.Length != n) throw Fail(name, $"{what} has {items.Length} elements (expected {n})");
        return items;
    }

    /// <summary>A decimal string of digits; returns its value (unbounded).</summary>
    public static BigInteger Decimal(JsonElement e, string name, string what)
    {
        if (e.ValueKind != JsonValueKind.String) throw Fail(name, $"{what} is not a decimal string");
        string s = e.GetString()!;
        if (s.Length == 0 || s.Length > 100 || s.Any(c => c is < '0' or > '9')) throw Fail(name, $"{what} (\"{Clip(s)}\") is not a decimal number");
        return BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Fp BaseField(JsonElement e, string name, string what)
    {
        BigInteger v = Decimal(e, name, what);
        if (v >= Fp.Modulus) throw Fail(name, $"{what} is not a canonical coordinate (≥ q)");
        return Fp.FromBigInteger(v);
    }

    /// <summary>A G1 point [x, y, z] with z = 1, or the identity with z = 0; not checked to be on the curve.</summary>
    public static G1Affine G1(JsonElement e, string name, string what)
    {
        JsonElement[] c = Array(e, 3, name, what);
        Fp x = BaseField(c[0], name, $"{what}[0]"), y = BaseField(c[1], name, $"{what}[1]"), z = BaseField(c[2], name, $"{what}[2]");
        if (z.IsZero) return G1Affine.Infinity;
        if (!z.IsOne) throw Fail(name, $"{what} has z = {z}; only affine points (z = 1) or the identity (z = 0) are accepted");
        if (x.IsZero && y.IsZero) throw Fail(name, $"{what} is (0, 0) with z = 1, which is not a point");
        return new G1Affine(x, y);
    }

    /// <summary>A G2 point [[x0, x1], [y0, y1], [z0, z1]] with z = 1 or 0; not checked to be on the twist.</summary>
    public static G2Affine G2(JsonElement e, string name, string what)
    {
        JsonElement[] c = Array(e, 3, name, what);
        Fp2 x = Fp2Of(c[0], name, $"{what}[0]"), y = Fp2Of(c[1], name, $"{what}[1]"), z = Fp2Of(c[2], name, $"{what}[2]");
        if (z.IsZero) return G2Affine.Infinity;
        if (!z.IsOne) throw Fail(name, $"{what} has z ≠ 1; only affine points (z = [1, 0]) or the identity are accepted");
        if (x.IsZero && y.IsZero) throw Fail(name, $"{what} is (0, 0) with z = 1, which is not a point");
        return new G2Affine(x, y);
    }

    private static Fp2 Fp2Of(JsonElement e, string name, string what)
    {
        JsonElement[] c = Array(e, 2, name, what);
        return new Fp2(BaseField(c[0], name, $"{what}[0]"), BaseField(c[1], name, $"{what}[1]"));
    }

    public static void ExpectString(JsonElement obj, string key, string expected, string name)
    {
        if (!obj.TryGetProperty(key, out JsonElement v)) return;
        if (v.ValueKind != JsonValueKind.String || v.GetString() != expected)
            throw Fail(name, $"has \"{key}\": {Clip(v.GetRawText())}, expected \"{expected}\"");
    }

    public static Groth16Exception Fail(string name, string problem) => new($"{name}: {problem}");

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
