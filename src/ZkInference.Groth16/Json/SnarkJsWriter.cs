using System.Text;

namespace ZkInference.Groth16.Json;

/// <summary>
/// Writes JSON exactly as snarkjs does (<c>bfj.write(…, {space: 1})</c>, i.e. <c>JSON.stringify(x, null, 1)</c>):
/// one-space indentation per level, <c>"key": value</c>, every array element and object member on its own line,
/// <c>[]</c> for an empty array, no trailing newline. Values here are only strings, integers, arrays and objects.
/// </summary>
internal sealed class SnarkJsWriter
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<bool> _first = new();
    private bool _afterKey;

    public override string ToString() => _sb.ToString();

    public SnarkJsWriter BeginObject() => Open('{');

    public SnarkJsWriter EndObject() => Close('}');

    public SnarkJsWriter BeginArray() => Open('[');

    public SnarkJsWriter EndArray() => Close(']');

    public SnarkJsWriter Key(string name)
    {
        Separator();
        _sb.Append('"').Append(name).Append("\": ");
        _afterKey = true;
        return this;
    }

    public SnarkJsWriter String(string value)
    {
        Separator();
        _sb.Append('"').Append(value).Append('"');
        return this;
    }

    public SnarkJsWriter Number(long value)
    {
        Separator();
        _sb.Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    public SnarkJsWriter Strings(IEnumerable<string> values)
    {
        BeginArray();
        foreach (string v in values) String(v);
        return EndArray();
    }

    public SnarkJsWriter StringPairs(string[][] values)
    {
        BeginArray();
        foreach (string[] pair in values) Strings(pair);
        return EndArray();
    }

    private SnarkJsWriter Open(char bracket)
    {
        Separator();
        _sb.Append(bracket);
        _first.Push(true);
        return this;
    }

    private SnarkJsWriter Close(char bracket)
    {
        bool empty = _first.Pop();
        if (!empty) NewLine(_first.Count);
        _sb.Append(bracket);
        return this;
    }

    /// <summary>Before a value or key: the comma and the line break with indentation (nothing right after a key).</summary>
    private void Separator()
    {
        if (_afterKey) { _afterKey = false; return; }
        if (_first.Count == 0) return;
        if (!_first.Peek()) _sb.Append(',');
        _first.Pop();
        _first.Push(false);
        NewLine(_first.Count);
    }

    private void NewLine(int depth) => _sb.Append('\n').Append(' ', depth);
}
