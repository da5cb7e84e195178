using System.Buffers;

namespace ZkInference.Field;

internal static partial class AteMillerLoop
{
    // Per block of eight on-the-fly pairs, in Fp: T (X, Y, Z), xQ, yQ, xP, yP, the step's line.
    private const int TOffset = 0, QxOffset = 48, QyOffset = 64, XpOffset = 80, YpOffset = 88, LineOffset = 96;
    private const int BlockFp = 144;
    private const int StackBlocks = 2;
    private const int ScratchFp = 32; // the step's second point (−Q, π(Q) or −π²(Q)) as two Fp2 columns

    /// <summary>
    /// The loop on AVX-512: the on-the-fly pairs (the first q.Length of p) step eight at a time in columns
    /// (<see cref="LineColumns"/>, line evaluation at P included), the prepared pairs read their tables, and
    /// every line goes into one <see cref="LineAccumulator"/> (whose Fp12 products run in lanes).
    /// </summary>
    private static unsafe void AccumulateColumns(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q,
        ReadOnlySpan<G2Prepared> qp, ReadOnlySpan<int> index, out Fp12 f)
    {
        int n1 = q.Length, n = p.Length, blocks = (n1 + 7) >> 3;
        int total = blocks * BlockFp + ScratchFp;
        Fp[]? rented = null;
        Span<Fp> buffer = blocks <= StackBlocks
            ? stackalloc Fp[StackBlocks * BlockFp + ScratchFp]
            : (rented = ArrayPool<Fp>.Shared.Rent(total));
        fixed (Fp* bufferStart = buffer)
        {
            Fp* scratch = bufferStart + blocks * BlockFp;
            for (int b = 0; b < blocks; b++)
            {
                Fp* block = bufferStart + b * BlockFp;
                for (int c = 0; c < 8; c++)
                {
                    // Columns past the last pair repeat the block's first pair; their lines are never read.
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

            ReadOnlySpan<LineStep> schedule = ScheduleArray;
            var acc = new LineAccumulator();
            for (int k = 0; k < schedule.Length; k++)
            {
                LineStep kind = schedule[k];
                if (kind == LineStep.Double && k != 0) acc.Square();
                for (int b = 0; b < blocks; b++)
                {
                    Fp* block = bufferStart + b * BlockFp;
                    Fp* line = block + LineOffset;
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
                    int count = Math.Min(8, n1 - 8 * b);
                    for (int c = 0; c < count; c++)
                        acc.Absorb(Fp2Columns.Get(line, c), Fp2Columns.Get(line + 16, c), Fp2Columns.Get(line + 32, c));
                }
                for (int j = n1; j < n; j++)
                {
                    ref readonly LineCoeffs l = ref qp[index[j - n1]].Lines[k];
                    Fp2Ops.MulByFp(l.C0, p[j].Y, out Fp2 e0);
                    Fp2Ops.MulByFp(l.C3, p[j].X, out Fp2 e3);
                    acc.Absorb(e0, e3, l.C4);
                }
            }
            acc.Finish(out f);
        }
        if (rented is not null) ArrayPool<Fp>.Shared.Return(rented);
    }
}
