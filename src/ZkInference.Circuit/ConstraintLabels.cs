namespace ZkInference.Circuit;

/// <summary>
/// Debug labels of constraints: scopes (ranges of constraints opened with <see cref="CircuitBuilder.Scope"/>)
/// and explicit per-constraint labels. Stored sparsely so unlabeled circuits pay nothing.
/// </summary>
public sealed class ConstraintLabels
{
    private readonly int[] _scopeStarts;
    private readonly string?[] _scopeNames;
    private readonly Dictionary<int, string> _explicit;

    /// <summary>No labels.</summary>
    public static ConstraintLabels Empty { get; } = new([], [], new Dictionary<int, string>());

    internal ConstraintLabels(int[] scopeStarts, string?[] scopeNames, Dictionary<int, string> explicitLabels)
    {
        _scopeStarts = scopeStarts;
        _scopeNames = scopeNames;
        _explicit = explicitLabels;
    }

    /// <summary>The scope path of a constraint, or null.</summary>
    public string? ScopeOf(int constraint)
    {
        int i = Array.BinarySearch(_scopeStarts, constraint);
        if (i < 0) i = ~i - 1;
        else while (i + 1 < _scopeStarts.Length && _scopeStarts[i + 1] == constraint) i++;
        return i >= 0 ? _scopeNames[i] : null;
    }

    /// <summary>The explicit label given to a constraint, or null.</summary>
    public string? LabelOf(int constraint) => _explicit.TryGetValue(constraint, out string? s) ? s : null;

    /// <summary>"scope: label" or whichever of them exists, or null.</summary>
    public string? Describe(int constraint)
    {
        string? scope = ScopeOf(constraint), label = LabelOf(constraint);
        if (scope is null) return label;
        return label is null ? scope : $"{scope}: {label}";
    }
}
