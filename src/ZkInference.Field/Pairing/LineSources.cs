using System.Runtime.CompilerServices;

namespace ZkInference.Field;

/// <summary>What the Miller loop asks of a G2 side: the next line of pair j, given which step it is at.</summary>
internal interface ILineSource
{
    /// <summary>The line of step <paramref name="step"/> (the k-th line of the fixed schedule) for pair j.</summary>
    void Line(int j, int step, LineStep kind, out LineCoeffs line);
}

/// <summary>The kinds of step in the fixed optimal-ate schedule.</summary>
internal enum LineStep : byte
{
    Double,
    AddQ,
    AddNegQ,
    AddPiQ,
    AddNegPi2Q,
}

/// <summary>Lines computed on the fly from running projective points (one-off pairings).</summary>
internal readonly ref struct OnTheFlyLines : ILineSource
{
    private readonly Span<G2Projective> _t;
    private readonly ReadOnlySpan<G2Affine> _q;

    public OnTheFlyLines(Span<G2Projective> t, ReadOnlySpan<G2Affine> q)
    {
        _t = t;
        _q = q;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Line(int j, int step, LineStep kind, out LineCoeffs line)
    {
        ref G2Projective t = ref _t[j];
        ref readonly G2Affine q = ref _q[j];
        switch (kind)
        {
            case LineStep.Double:
                LineFunctions.Double(ref t, out line);
                break;
            case LineStep.AddQ:
                LineFunctions.Add(ref t, q.X, q.Y, out line);
                break;
            case LineStep.AddNegQ:
                LineFunctions.Add(ref t, q.X, -q.Y, out line);
                break;
            case LineStep.AddPiQ:
            {
                TwistFrobenius.Pi(q, out Fp2 x, out Fp2 y);
                LineFunctions.Add(ref t, x, y, out line);
                break;
            }
            default:
            {
                TwistFrobenius.NegPi2(q, out Fp2 x, out Fp2 y);
                LineFunctions.Add(ref t, x, y, out line);
                break;
            }
        }
    }
}

/// <summary>Lines read from <see cref="G2Prepared"/> tables (fixed G2 points such as verifying-key elements).</summary>
internal readonly ref struct PreparedLines : ILineSource
{
    private readonly ReadOnlySpan<G2Prepared> _q;
    private readonly ReadOnlySpan<int> _index;

    public PreparedLines(ReadOnlySpan<G2Prepared> q, ReadOnlySpan<int> index)
    {
        _q = q;
        _index = index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Line(int j, int step, LineStep kind, out LineCoeffs line) => line = _q[_index[j]].Lines[step];
}

/// <summary>Pairs 0 … n1 − 1 from an on-the-fly source, the rest from prepared tables (one loop for a Groth16 check).</summary>
internal readonly ref struct MixedLines : ILineSource
{
    private readonly OnTheFlyLines _onTheFly;
    private readonly PreparedLines _prepared;
    private readonly int _n1;

    public MixedLines(OnTheFlyLines onTheFly, PreparedLines prepared, int n1)
    {
        _onTheFly = onTheFly;
        _prepared = prepared;
        _n1 = n1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Line(int j, int step, LineStep kind, out LineCoeffs line)
    {
        if (j < _n1) _onTheFly.Line(j, step, kind, out line);
        else _prepared.Line(j - _n1, step, kind, out line);
    }
}
