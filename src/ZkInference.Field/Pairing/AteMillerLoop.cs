using System.Buffers;
using System.Runtime.CompilerServices;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

/// <summary>
/// The optimal ate Miller loop f_{6x+2,Q}(P)·ℓ_{T,π(Q)}(P)·ℓ_{T',−π²(Q)}(P), shared by any number of
/// pairs: one accumulator, one squaring per bit of the loop count, and the lines of every pair
/// multiplied in, two at a time.
/// </summary>
[SkipLocalsInit]
internal static partial class AteMillerLoop
{
    /// <summary>
    /// From this many on-the-fly pairs on (with AVX-512), their lines are computed eight points at a time in
    /// columns; below it a column step (which costs the same for one point as for eight) loses to the
    /// scalar line functions. With the generated Fp12 routines the scalar loop is faster up to four pairs
    /// (a 4-pair check took about 5 % less CPU time than in columns; measured under load).
    /// </summary>
    internal static readonly int ColumnLinesMinPairs = Internal.X64.TowerKernels.Active ? 5 : 3;

    /// <summary>Pairs handled with stack buffers; more than this rent from the array pool.</summary>
    private const int StackPairs = 8;

    /// <summary>
    /// The fixed sequence of line steps: for each NAF digit of 6x + 2 below the top one a doubling
    /// (preceded by squaring f) and, for a non-zero digit, an addition of ±Q; then T + π(Q) and T − π²(Q).
    /// </summary>
    public static ReadOnlySpan<LineStep> Schedule => ScheduleArray;

    private static readonly LineStep[] ScheduleArray = BuildSchedule();

    private static LineStep[] BuildSchedule()
    {
        sbyte[] naf = BnParameters.AteLoopNaf;
        var steps = new List<LineStep>();
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            steps.Add(LineStep.Double);
            if (naf[i] == 1) steps.Add(LineStep.AddQ);
            else if (naf[i] == -1) steps.Add(LineStep.AddNegQ);
        }
        steps.Add(LineStep.AddPiQ);
        steps.Add(LineStep.AddNegPi2Q);
        return steps.ToArray();
    }

    /// <summary>f = ∏ over the non-identity pairs of the Miller loop value; 1 if there are none.</summary>
    public static void Run(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q, out Fp12 f) =>
        Run(p, q, ReadOnlySpan<G1Affine>.Empty, ReadOnlySpan<G2Prepared>.Empty, out f);

    /// <summary>As <see cref="Run(ReadOnlySpan{G1Affine}, ReadOnlySpan{G2Affine}, out Fp12)"/> with precomputed lines.</summary>
    public static void Run(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q, out Fp12 f) =>
        Run(ReadOnlySpan<G1Affine>.Empty, ReadOnlySpan<G2Affine>.Empty, p, q, out f);

    /// <summary>
    /// f = ∏ e over the pairs (p, q) with lines computed on the fly and the pairs (pp, qp) with precomputed
    /// lines, in one loop: one shared squaring per step whatever the mix (a Groth16 check is one proof point
    /// and two key points). On AVX-512 the on-the-fly lines of eight points at a time run in columns.
    /// </summary>
    public static void Run(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q, ReadOnlySpan<G1Affine> pp, ReadOnlySpan<G2Prepared> qp, out Fp12 f)
    {
        if (p.Length != q.Length || pp.Length != qp.Length) ThrowLengthMismatch();
        int n1 = 0, n2 = 0;
        for (int i = 0; i < p.Length; i++) if (!p[i].IsInfinity && !q[i].IsInfinity) n1++;
        for (int i = 0; i < pp.Length; i++) if (!pp[i].IsInfinity && !qp[i].IsInfinity) n2++;
        int n = n1 + n2;
        if (n == 0) { f = Fp12.One; return; }

        G1Affine[]? pRented = null;
        G2Affine[]? qRented = null;
        int[]? iRented = null;
        Span<G1Affine> ps = n <= StackPairs ? stackalloc G1Affine[StackPairs] : (pRented = ArrayPool<G1Affine>.Shared.Rent(n));
        Span<G2Affine> qs = n1 <= StackPairs ? stackalloc G2Affine[StackPairs] : (qRented = ArrayPool<G2Affine>.Shared.Rent(n1));
        Span<int> index = n2 <= StackPairs ? stackalloc int[StackPairs] : (iRented = ArrayPool<int>.Shared.Rent(n2));
        for (int i = 0, k = 0; i < p.Length; i++)
        {
            if (p[i].IsInfinity || q[i].IsInfinity) continue;
            ps[k] = p[i];
            qs[k] = q[i];
            k++;
        }
        for (int i = 0, k = 0; i < pp.Length; i++)
        {
            if (pp[i].IsInfinity || qp[i].IsInfinity) continue;
            ps[n1 + k] = pp[i];
            index[k] = i;
            k++;
        }
        if (Lanes8.IsSupported && n1 >= ColumnLinesMinPairs) AccumulateColumns(ps[..n], qs[..n1], qp, index[..n2], out f);
        else
        {
            G2Projective[]? tRented = null;
            Span<G2Projective> ts = n1 <= StackPairs ? stackalloc G2Projective[StackPairs] : (tRented = ArrayPool<G2Projective>.Shared.Rent(n1));
            for (int i = 0; i < n1; i++) ts[i] = new G2Projective(qs[i]);
            var source = new MixedLines(new OnTheFlyLines(ts[..n1], qs[..n1]), new PreparedLines(qp, index[..n2]), n1);
            Accumulate(ref source, ps[..n], out f);
            if (tRented is not null) ArrayPool<G2Projective>.Shared.Return(tRented);
        }

        if (pRented is not null) ArrayPool<G1Affine>.Shared.Return(pRented);
        if (qRented is not null) ArrayPool<G2Affine>.Shared.Return(qRented);
        if (iRented is not null) ArrayPool<int>.Shared.Return(iRented);
    }

    // The loop itself, specialised by the JIT for each line source; the lines of one step go into the
    // accumulator in twos (see LineAccumulator).
    private static void Accumulate<TSource>(ref TSource source, ReadOnlySpan<G1Affine> p, out Fp12 f)
        where TSource : ILineSource, allows ref struct
    {
        ReadOnlySpan<LineStep> schedule = ScheduleArray;
        var acc = new LineAccumulator();
        for (int k = 0; k < schedule.Length; k++)
        {
            LineStep kind = schedule[k];
            if (kind == LineStep.Double && k != 0) acc.Square();
            for (int j = 0; j < p.Length; j++)
            {
                source.Line(j, k, kind, out LineCoeffs line);
                ref readonly G1Affine pj = ref p[j];
                Fp2Ops.MulByFp(line.C0, pj.Y, out Fp2 e0);
                Fp2Ops.MulByFp(line.C3, pj.X, out Fp2 e3);
                acc.Absorb(e0, e3, line.C4);
            }
        }
        acc.Finish(out f);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLengthMismatch() =>
        throw new ArgumentException("The G1 and G2 spans must have the same length.");
}
