using System.Globalization;
using ZkInference.Field;

namespace ZkInference.Circuit.Formats;

/// <summary>
/// Writes the JSON that <c>snarkjs r1cs export json</c> writes (bfj with one-space indentation, decimal
/// coefficient strings, the wire-to-label map, empty custom-gate arrays), byte for byte.
/// </summary>
public static class R1csJson
{
    /// <summary>Writes the JSON export of a constraint system to a file.</summary>
    public static void Write(ConstraintSystem cs, string path)
    {
        StreamWriter writer;
        try { writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CircuitException($"{path}: cannot be created: {e.Message}", e);
        }
        using (writer) Write(cs, writer);
    }

    /// <summary>Writes the JSON export of a constraint system.</summary>
    public static void Write(ConstraintSystem cs, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(cs);
        w.NewLine = "\n";
        w.Write("{\n");
        Field(w, "n8", "32");
        Field(w, "prime", Quote(Fr.Modulus.ToString(CultureInfo.InvariantCulture)));
        Field(w, "nVars", Num(cs.WireCount));
        Field(w, "nOutputs", Num(cs.PublicOutputCount));
        Field(w, "nPubInputs", Num(cs.PublicInputCount));
        Field(w, "nPrvInputs", Num(cs.PrivateInputCount));
        Field(w, "nLabels", Num(cs.LabelCount));
        Field(w, "nConstraints", Num(cs.ConstraintCount));
        Field(w, "useCustomGates", cs.UsesCustomGates ? "true" : "false");
        w.Write(" \"constraints\": [");
        for (int i = 0; i < cs.ConstraintCount; i++)
        {
            w.Write(i == 0 ? "\n  [" : ",\n  [");
            for (int m = 0; m < 3; m++)
            {
                w.Write(m == 0 ? "\n   {" : ",\n   {");
                SparseRow row = cs.Row((R1csMatrix)m, i);
                int[] order = JsObjectOrder(row.Wires);
                for (int k = 0; k < order.Length; k++)
                {
                    w.Write(k == 0 ? "\n    \"" : ",\n    \"");
                    w.Write(Num(row.Wires[order[k]]));
                    w.Write("\": \"");
                    w.Write(row.Coefficients[order[k]].ToString());
                    w.Write('"');
                }
                w.Write("\n   }");
            }
            w.Write("\n  ]");
        }
        w.Write("\n ],\n");
        w.Write(" \"map\": [");
        for (int i = 0; i < cs.WireCount; i++)
        {
            w.Write(i == 0 ? "\n  " : ",\n  ");
            w.Write(Num(cs.LabelOf(i)));
        }
        w.Write("\n ],\n");
        w.Write(" \"customGates\": [\n ],\n");
        w.Write(" \"customGatesUses\": [\n ]\n}");
    }

    // snarkjs builds a JS object per row: integer keys enumerate in ascending order and a repeated wire keeps its last value.
    private static int[] JsObjectOrder(ReadOnlySpan<int> wires)
    {
        var last = new Dictionary<int, int>(wires.Length);
        for (int k = 0; k < wires.Length; k++) last[wires[k]] = k;
        int[] order = [.. last.Values];
        int[] keys = [.. last.Keys];
        Array.Sort(keys, order);
        return order;
    }

    private static void Field(TextWriter w, string name, string value) => w.Write($" \"{name}\": {value},\n");

    private static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string s) => $"\"{s}\"";
}
