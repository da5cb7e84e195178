using System.Buffers;

namespace ZkInference.Field;

internal static partial class AteMillerLoop
{
    // Per block of eight on-the-fly pairs, in Fp: T (X, Y, Z), xQ, yQ, xP, yP.
    private const int TOffset = 0, QxOffset = 48, QyOffset = 64, XpOffset = 80, YpOffset = 88;
    private const int PointBlockFp = 96;
    private const int LineBlockFp = LineColumns.BlockSize;
    private const int ScratchFp = 32; // the step's second point (−Q, π(Q) or −π²(Q)) as two Fp2 columns
    private const int StackPairs2 = 16;
    private const int StackFp = 2 * PointBlockFp + 2 * LineBlockFp + Fp12Columns.Size + ScratchFp;

    /// <summary>
    /// From this many pairs on, eight Fp12 accumulators run side by side (<see cref="Fp12Columns"/>): pair j's
    /// lines go into accumulator j mod 8, every accumulator is squared each step (one column squaring for all
    /// eight) and the eight are multiplied together at the end. Below it one accumulator takes the lines in
    /// turn (<see cref="LineAccumulator"/>); measured about even at four to six pairs.
    /// </summary>
    internal const int ColumnAccumulatorMinPairs = 6;

    /// <summary>
    /// The loop on AVX-512: the on-the-fly pairs (the first q.Length of p) step eight at a time in columns
    /// (<see cref="LineColumns"/>, evaluation at P included), the prepared pairs read their tables; line j
    /// lands in column j mod 8 of line block j / 8, then goes into the accumulator(s).
    /// </summary>
    private static unsafe void AccumulateColumns(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q,
        ReadOnlySpan<G2Prepared> qp, ReadOnlySpan<int> index, out Fp12 f)
    {
        int n1 = q.Length, n = p.Length;
        int pointBlocks = (n1 + 7) >> 3, lineBlocks = (n + 7) >> 3;
        bool columnAccumulator = n >= ColumnAccumulatorMinPairs;
        int total = pointBlocks * PointBlockFp + lineBlocks * LineBlockFp + Fp12Columns.Size + ScratchFp;
        Fp[]? rented = null;
        Span<Fp> buffer = n <= StackPairs2 ? stackalloc Fp[StackFp] : (rented = ArrayPool<Fp>.Shared.Rent(total));
        fixed (Fp* start = buffer)
        {
            Fp* lines = start + pointBlocks * PointBlockFp;
            Fp* acc = lines + lineBlocks * LineBlockFp;
            Fp* scratch = acc + Fp12Columns.Size;
            for (int b = 0; b < pointBlocks; b++)
            {
                Fp* block = start + b * PointBlockFp;
                for (int c = 0; c < 8; c++)
                {
                    // Columns past the last pair repeat the block's first pair; their lines are overwritten.
                    int i = 8 * b + c < n1 ? 8 * b + c : 8 * b;
                    Fp2Columns.Set(block + TOffset, c, q[i].X);
                    Fp2Columns.Set(block + TOffset + 16, c, q[i].Y);
                    Fp2Columns.Set(block + TOffset + 32, c, Fp2.One);
                    Fp2Columns.Set(block + QxOffset, c, q[i].X);
                    Fp2Columns.Set(block + QyOffset, c, q[i].Y);
                    block[XpOffset + c] = p[i].X;
                    block[YpOffset + c] = p[i].Y;
                }
            }
            if (columnAccumulator) Fp12Columns.SetOne(acc);

            ReadOnlySpan<LineStep> schedule = ScheduleArray;
            var single = new LineAccumulator();
            for (int k = 0; k < schedule.Length; k++)
            {
                LineStep kind = schedule[k];
                if (kind == LineStep.Double && k != 0)
                {
                    if (columnAccumulator) Fp12Columns.Square(acc, acc);
                    else single.Square();
                }
                for (int b = 0; b < pointBlocks; b++) StepBlock(start + b * PointBlockFp, lines + b * LineBlockFp, scratch, q, b, n1, kind);
                for (int j = n1; j < 8 * lineBlocks; j++)
                {
                    Fp* line = lines + (j >> 3) * LineBlockFp;
                    int c = j & 7;
                    if (j < n)
                    {
                        ref readonly LineCoeffs l = ref qp[index[j - n1]].Lines[k];
                        Fp2Ops.MulByFp(l.C0, p[j].Y, out Fp2 e0);
                        Fp2Ops.MulByFp(l.C3, p[j].X, out Fp2 e3);
                        Fp2Columns.Set(line, c, e0);
                        Fp2Columns.Set(line + 16, c, e3);
                        Fp2Columns.Set(line + 32, c, l.C4);
                    }
                    else
                    {
                        // The line 1 for columns without a pair.
                        Fp2Columns.Set(line, c, Fp2.One);
                        Fp2Columns.Set(line + 16, c, Fp2.Zero);
                        Fp2Columns.Set(line + 32, c, Fp2.Zero);
                    }
                }
                if (columnAccumulator)
                {
                    for (int b = 0; b < lineBlocks; b++)
                    {
                        Fp* line = lines + b * LineBlockFp;
                        Fp12Columns.MulBy034(acc, line, line + 16, line + 32, acc);
                    }
                }
                else
                {
                    for (int j = 0; j < n; j++)
                    {
                        Fp* line = lines + (j >> 3) * LineBlockFp;
                        int c = j & 7;
                        single.Absorb(Fp2Columns.Get(line, c), Fp2Columns.Get(line + 16, c), Fp2Columns.Get(line + 32, c));
                    }
                }
            }
            if (columnAccumulator)
            {
                f = Fp12Columns.Get(acc, 0);
                int used = Math.Min(8, n);
                for (int c = 1; c < used; c++) Fp12.Mul(f, Fp12Columns.Get(acc, c), out f);
            }
            else single.Finish(out f);
        }
        if (rented is not null) ArrayPool<Fp>.Shared.Return(rented);
    }

    // One step for the eight points of a block: T updated, the line evaluated at each column's P.
    private static unsafe void StepBlock(Fp* block, Fp* line, Fp* scratch, ReadOnlySpan<G2Affine> q, int b, int n1, LineStep kind)
    {
        switch (kind)
        {
            case LineStep.Double:
                LineColumns.Double(block + TOffset, line);
                break;
            case LineStep.AddQ:
                LineColumns.Add(block + TOffset, block + QxOffset, block + QyOffset, line);
                break;
            case LineStep.AddNegQ:
                Fp2Columns.Neg(block + QyOffset, scratch + 16);
                LineColumns.Add(block + TOffset, block + QxOffset, scratch + 16, line);
                break;
            default:
                for (int c = 0; c < 8; c++)
                {
                    int i = 8 * b + c < n1 ? 8 * b + c : 8 * b;
                    Fp2 x, y;
                    if (kind == LineStep.AddPiQ) TwistFrobenius.Pi(q[i], out x, out y);
                    else TwistFrobenius.NegPi2(q[i], out x, out y);
                    Fp2Columns.Set(scratch, c, x);
                    Fp2Columns.Set(scratch + 16, c, y);
                }
                LineColumns.Add(block + TOffset, scratch, scratch + 16, line);
                break;
        }
        Fp2Columns.MulByFp(line, block + YpOffset, line);            // C0·yP
        Fp2Columns.MulByFp(line + 16, block + XpOffset, line + 16);  // C3·xP
    }
}
