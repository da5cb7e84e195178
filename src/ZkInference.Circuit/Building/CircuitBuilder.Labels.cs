namespace ZkInference.Circuit;

public sealed partial class CircuitBuilder
{
    private readonly Dictionary<int, string> _explicitLabels = [];
    private readonly List<int> _scopeStarts = [];
    private readonly List<string?> _scopeNames = [];
    private readonly Stack<string> _scopeStack = new();

    /// <summary>
    /// Opens a debugging scope: constraints added until the returned handle is disposed are reported as
    /// "outer/inner" by <see cref="ConstraintSystem.Check"/>. Scopes nest. Costs no constraints.
    /// </summary>
    public IDisposable Scope(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _scopeStack.Push(_scopeStack.Count == 0 ? name : $"{_scopeStack.Peek()}/{name}");
        MarkScope();
        return new ScopeHandle(this);
    }

    private void MarkScope()
    {
        int at = _store.ConstraintCount;
        string? current = _scopeStack.Count == 0 ? null : _scopeStack.Peek();
        if (_scopeStarts.Count > 0 && _scopeStarts[^1] == at) { _scopeNames[^1] = current; return; }
        _scopeStarts.Add(at);
        _scopeNames.Add(current);
    }

    private void CloseScope()
    {
        _scopeStack.Pop();
        MarkScope();
    }

    private ConstraintLabels BuildLabels() =>
        _scopeStarts.Count == 0 && _explicitLabels.Count == 0
            ? ConstraintLabels.Empty
            : new ConstraintLabels([.. _scopeStarts], [.. _scopeNames], new Dictionary<int, string>(_explicitLabels));

    private sealed class ScopeHandle(CircuitBuilder owner) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            owner.CloseScope();
        }
    }
}
