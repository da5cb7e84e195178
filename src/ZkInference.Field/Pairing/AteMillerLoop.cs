using System.Buffers;
using System.Runtime.CompilerServices;

namespace ZkInference.Field;

/// <summary>
/// The optimal ate Miller loop f_{6x+2,Q}(P)·ℓ_{T,π(Q)}(P)·ℓ_{T',−π²(Q)}(P), shared by any number of
/// pairs: one accumulator, one squaring per bit of the loop count, and the lines of every pair
/// multiplied in, two at a time.
/// </summary>
[SkipLocalsInit]
internal static class AteMillerLoop
{
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
    public static void Run(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q, out Fp12 f)
    {
        if (p.Length != q.Length) ThrowLengthMismatch();
        int n = 0;
        for (int i = 0; i < p.Length; i++) if (!p[i].IsInfinity && !q[i].IsInfinity) n++;
        if (n == 0) { f = Fp12.One; return; }

        G1Affine[]? pRented = null;
        G2Affine[]? qRented = null;
        G2Projective[]? tRented = null;
        Span<G1Affine> ps = n <= StackPairs ? stackalloc G1Affine[StackPairs] : (pRented = ArrayPool<G1Affine>.Shared.Rent(n));
        Span<G2Affine> qs = n <= StackPairs ? stackalloc G2Affine[StackPairs] : (qRented = ArrayPool<G2Affine>.Shared.Rent(n));
        Span<G2Projective> ts = n <= StackPairs ? stackalloc G2Projective[StackPairs] : (tRented = ArrayPool<G2Projective>.Shared.Rent(n));
        for (int i = 0, k = 0; i < p.Length; i++)
        {
            if (p[i].IsInfinity || q[i].IsInfinity) continue;
            ps[k] = p[i];
            qs[k] = q[i];
            ts[k] = new G2Projective(q[i]);
            k++;
        }
        var source = new OnTheFlyLines(ts[..n], qs[..n]);
        Accumulate(ref source, ps[..n], out f);

        if (pRented is not null) ArrayPool<G1Affine>.Shared.Return(pRented);
        if (qRented is not null) ArrayPool<G2Affine>.Shared.Return(qRented);
        if (tRented is not null) ArrayPool<G2Projective>.Shared.Return(tRented);
    }

    /// <summary>As <see cref="Run(ReadOnlySpan{G1Affine}, ReadOnlySpan{G2Affine}, out Fp12)"/> with precomputed lines.</summary>
    public static void Run(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q, out Fp12 f)
    {
        if (p.Length != q.Length) ThrowLengthMismatch();
        int n = 0;
        for (int i = 0; i < p.Length; i++) if (!p[i].IsInfinity && !q[i].IsInfinity) n++;
        if (n == 0) { f = Fp12.One; return; }

        G1Affine[]? pRented = null;
        int[]? iRented = null;
        Span<G1Affine> ps = n <= StackPairs ? stackalloc G1Affine[StackPairs] : (pRented = ArrayPool<G1Affine>.Shared.Rent(n));
        Span<int> index = n <= StackPairs ? stackalloc int[StackPairs] : (iRented = ArrayPool<int>.Shared.Rent(n));
        for (int i = 0, k = 0; i < p.Length; i++)
        {
            if (p[i].IsInfinity || q[i].IsInfinity) continue;
            ps[k] = p[i];
            index[k] = i;
            k++;
        }
        var source = new PreparedLines(q, index[..n]);
        Accumulate(ref source, ps[..n], out f);

        if (pRented is not null) ArrayPool<G1Affine>.Shared.Return(pRented);
        if (iRented is not null) ArrayPool<int>.Shared.Return(iRented);
    }

    // The loop itself, specialised by the JIT for each line source. Lines between two squarings
    // are multiplied together in twos first (Mul034By034 + MulBy01234: 23 Fp2 multiplications
    // per two lines instead of 26); an odd one out goes in alone.
    private static void Accumulate<TSource>(ref TSource source, ReadOnlySpan<G1Affine> p, out Fp12 f)
        where TSource : ILineSource, allows ref struct
    {
        ReadOnlySpan<LineStep> schedule = ScheduleArray;
        Fp12 acc = Fp12.One;
        bool accIsOne = true; // skips the work on the initial 1
        bool pending = false;
        Fp2 p0 = default, p3 = default, p4 = default;
        for (int k = 0; k < schedule.Length; k++)
        {
            LineStep kind = schedule[k];
            if (kind == LineStep.Double && k != 0)
            {
                if (pending) { MulBy034(ref acc, ref accIsOne, p0, p3, p4); pending = false; }
                if (!accIsOne) Fp12.Square(acc, out acc);
            }
            for (int j = 0; j < p.Length; j++)
            {
                source.Line(j, k, kind, out LineCoeffs line);
                ref readonly G1Affine pj = ref p[j];
                if (!pending)
                {
                    Fp2Ops.MulByFp(line.C0, pj.Y, out p0);
                    Fp2Ops.MulByFp(line.C3, pj.X, out p3);
                    p4 = line.C4;
                    pending = true;
                    continue;
                }
                Fp2Ops.MulByFp(line.C0, pj.Y, out Fp2 e0);
                Fp2Ops.MulByFp(line.C3, pj.X, out Fp2 e3);
                Fp12.Mul034By034(p0, p3, p4, e0, e3, line.C4, out Fp6 x0, out Fp2 x1, out Fp2 x3);
                if (accIsOne) acc = new Fp12(x0, new Fp6(x1, x3, Fp2.Zero));
                else Fp12.MulBy01234(acc, x0, x1, x3, out acc);
                accIsOne = false;
                pending = false;
            }
        }
        if (pending) MulBy034(ref acc, ref accIsOne, p0, p3, p4);
        f = acc;
    }

    // f = f·(c0 + c3·w + c4·w³), or just the line while f is still 1.
    private static void MulBy034(ref Fp12 f, ref bool isOne, in Fp2 c0, in Fp2 c3, in Fp2 c4)
    {
        if (isOne) f = new Fp12(new Fp6(c0, Fp2.Zero, Fp2.Zero), new Fp6(c3, c4, Fp2.Zero));
        else Fp12.MulBy034(f, c0, c3, c4, out f);
        isOne = false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLengthMismatch() =>
        throw new ArgumentException("The G1 and G2 spans must have the same length.");
}
