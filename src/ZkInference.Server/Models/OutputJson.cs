using System.Globalization;
using System.Text;

namespace ZkInference.Server.Models;

/// <summary>Decoded outputs as JSON nested like the output tensor: <c>{"output": [[…]]}</c>.</summary>
public static class OutputJson
{
    /// <summary>Formats row-major <paramref name="values"/> nested by <paramref name="shape"/>.</summary>
    public static string Format(IReadOnlyList<double> values, IReadOnlyList<int> shape)
    {
        var s = new StringBuilder("{\"output\":");
        int index = 0;
        Nest(s, values, shape, 0, ref index);
        if (index != values.Count) throw new ArgumentException($"shape [{string.Join(',', shape)}] holds {index} values, not {values.Count}");
        return s.Append('}').ToString();
    }

    private static void Nest(StringBuilder s, IReadOnlyList<double> values, IReadOnlyList<int> shape, int axis, ref int index)
    {
        if (axis == shape.Count)
        {
            if (index >= values.Count) throw new ArgumentException("shape holds more values than given");
            s.Append(values[index++].ToString("R", CultureInfo.InvariantCulture));
            return;
        }
        s.Append('[');
        for (int i = 0; i < shape[axis]; i++)
        {
            if (i > 0) s.Append(',');
            Nest(s, values, shape, axis + 1, ref index);
        }
        s.Append(']');
    }
}
