namespace ZkInference.Field;

/// <summary>
/// A fixed G2 point with the line coefficients of its Miller loop precomputed, so every later
/// pairing with it skips all G2 arithmetic (verifying keys reuse β, γ and δ for every proof).
/// Immutable and safe to share between threads.
/// </summary>
/// <remarks>The point is assumed to be in G2 (on the twist and in the order-r subgroup); callers validate.</remarks>
public sealed class G2Prepared
{
    /// <summary>Lines in the order the Miller loop consumes them; empty for the identity.</summary>
    internal readonly LineCoeffs[] Lines;

    /// <summary>Precomputes the lines of <paramref name="q"/>.</summary>
    /// <param name="q">A point of G2, not checked.</param>
    public G2Prepared(in G2Affine q)
    {
        Point = q;
        if (q.IsInfinity)
        {
            Lines = [];
            return;
        }
        ReadOnlySpan<LineStep> schedule = AteMillerLoop.Schedule;
        Lines = new LineCoeffs[schedule.Length];
        Span<G2Projective> t = [new G2Projective(q)];
        var source = new OnTheFlyLines(t, new ReadOnlySpan<G2Affine>(in q));
        for (int k = 0; k < schedule.Length; k++) source.Line(0, k, schedule[k], out Lines[k]);
    }

    /// <summary>The point the lines belong to.</summary>
    public G2Affine Point { get; }

    /// <summary>Whether the point is the identity (its pairings are 1).</summary>
    public bool IsInfinity => Point.IsInfinity;
}
