using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// The batch flush with eight-lane products (<see cref="FieldLanes{T}"/>): the denominators are inverted
/// together by <see cref="LaneInversion"/> (eight interleaved chains of Montgomery's trick, one eight-lane
/// product per step), and each block of eight then finishes its additions with three more eight-lane products
/// (λ, λ², λ·(x₁ − x₃)). Additions, subtractions and the rare doubling numerator stay scalar. The bucket
/// reduction runs eight running sums side by side through <see cref="JacobianLanes{T}"/>.
/// </summary>
internal sealed unsafe partial class BucketWorker<T>
{
    // Eight-element blocks of _scratch: λ, λ², x₃, x₁ − x₃ then λ·(x₁ − x₃).
    private const int ScratchBlocks = 4;

    private readonly bool _lanes;
    private readonly T[]? _num;       // per batch entry: the numerator of λ
    private readonly bool[]? _cancel; // per batch entry: P + (−P), the bucket empties
    private readonly T[]? _scratch;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FlushLanes(int count)
    {
        int padded = (count + 7) & ~7;
        fixed (T* den = _den, prefix = _prefix, num = _num, scratch = _scratch)
        {
            // Denominators and numerators, scalar. A cancelled or padding entry gets den = 1 (so the chains
            // stay invertible) and is skipped when finishing.
            for (int j = 0; j < count; j++)
            {
                ref AffinePoint<T> bucket = ref _affine[_batchBucket[j]];
                ref AffinePoint<T> p = ref _loaded[j];
                LoadPoint(_batchPoint[j], out p.X, out p.Y);
                _cancel![j] = false;
                if (bucket.X != p.X)
                {
                    T.Sub(p.X, bucket.X, out den[j]);
                    T.Sub(p.Y, bucket.Y, out num[j]);
                }
                else if (bucket.Y == p.Y)
                {
                    // Doubling: λ = 3x²/2y.
                    T.Double(p.Y, out den[j]);
                    FieldOps<T>.Square(p.X, out T xx);
                    T.Double(xx, out num[j]);
                    T.Add(num[j], xx, out num[j]);
                }
                else
                {
                    den[j] = T.One;
                    num[j] = T.Zero;
                    _cancel![j] = true;
                }
            }
            for (int j = count; j < padded; j++)
            {
                den[j] = T.One;
                num[j] = T.Zero;
            }

            // Every 1/den at once (LaneInversion), then each block of eight finishes its additions.
            if (typeof(T) == typeof(Fp)) LaneInversion.Invert((Fp*)den, (Fp*)prefix, padded);
            else LaneInversion.Invert((Fp2*)den, (Fp2*)prefix, padded); // FieldLanes: T is Fp or Fp2
            T* x1 = scratch, y1 = scratch + 8, x2 = scratch + 16, x3 = scratch + 24;
            for (int j = 0; j < padded; j += 8)
            {
                int live = Math.Min(8, count - j);
                for (int k = 0; k < 8; k++)
                {
                    if (k < live)
                    {
                        ref AffinePoint<T> bucket = ref _affine[_batchBucket[j + k]];
                        x1[k] = bucket.X;
                        y1[k] = bucket.Y;
                        x2[k] = _loaded[j + k].X;
                    }
                    else x1[k] = y1[k] = x2[k] = T.Zero;
                }
                // λ = num/den, x3 = λ² − x1 − x2, y3 = λ(x1 − x3) − y1, all eight in registers.
                if (typeof(T) == typeof(Fp)) Finish<FpVec8, Fp>((Fp*)num + j, (Fp*)den + j, (Fp*)x1, (Fp*)y1, (Fp*)x2, (Fp*)x3);
                else Finish<Fp2Vec8, Fp2>((Fp2*)num + j, (Fp2*)den + j, (Fp2*)x1, (Fp2*)y1, (Fp2*)x2, (Fp2*)x3);
                for (int k = 0; k < live; k++)
                {
                    int b = _batchBucket[j + k];
                    ref AffinePoint<T> bucket = ref _affine[b];
                    if (_cancel![j + k])
                    {
                        _occupied[b] = false;
                        continue;
                    }
                    bucket.X = x3[k];
                    bucket.Y = y1[k];
                }
            }
        }
        _batchCount = 0;
        _batchId++;
    }

    // The affine sums of one block: x3 = λ² − x1 − x2 into x3, y3 = λ(x1 − x3) − y1 over y1, with λ = num·(1/den).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TV, TE>(TE* num, TE* inverse, TE* x1, TE* y1, TE* x2, TE* x3)
        where TV : struct, ILaneField<TV, TE> where TE : unmanaged
    {
        TV.Load(num, out TV lambda);
        TV.Load(inverse, out TV d);
        TV.Mul(lambda, d, out lambda);
        TV.Load(x1, out TV a);
        TV.Load(x2, out TV b);
        TV.Square(lambda, out TV x);
        TV.Sub(x, a, out x);
        TV.Sub(x, b, out x);
        TV.Store(x, x3);
        TV.Sub(a, x, out a);
        TV.Mul(lambda, a, out a);
        TV.Load(y1, out TV y);
        TV.Sub(a, y, out y);
        TV.Store(y, y1);
    }

    /// <summary>
    /// <see cref="Reduce"/> in eight lanes: the buckets split into eight runs of L = buckets/8, each with its own
    /// running sum Rₛ and total Tₛ = Σ (b − sL + 1)·bucket[b] (one lane each), so that
    /// Σ (b + 1)·bucket[b] = Σ Tₛ + L·Σ s·Rₛ, the last sum by a running sum over the eight runs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReduceLanes(int buckets, out JacobianPoint<T> sum)
    {
        int length = buckets / 8;
        T* s = stackalloc T[8 * 8];
        T* rx = s, ry = s + 8, rz = s + 16, tx = s + 24, ty = s + 32, tz = s + 40, bx = s + 48, by = s + 56;
        for (int k = 0; k < 8; k++)
        {
            rx[k] = ry[k] = tx[k] = ty[k] = T.One;
            rz[k] = tz[k] = T.Zero;
        }
        for (int step = length - 1; step >= 0; step--)
        {
            // Running sums: Rₛ += bucket[sL + step] (lanes with an occupied bucket and a non-identity Rₛ).
            int live = 0;
            for (int k = 0; k < 8; k++)
            {
                int b = k * length + step;
                bx[k] = by[k] = T.Zero;
                if (!_overflow[b].IsInfinity)
                {
                    var running = new JacobianPoint<T>(rx[k], ry[k], rz[k]);
                    JacobianPoint<T>.Add(running, _overflow[b], out running);
                    StoreLane(rx, ry, rz, k, running);
                }
                if (!_occupied[b]) continue;
                if (rz[k].IsZero)
                {
                    rx[k] = _affine[b].X;
                    ry[k] = _affine[b].Y;
                    rz[k] = T.One;
                    continue;
                }
                bx[k] = _affine[b].X;
                by[k] = _affine[b].Y;
                live |= 1 << k;
            }
            // Sparse windows (small scalars, the short top window) leave whole steps without work.
            int special = live == 0 ? 0 : JacobianLanes<T>.AddMixed8(rx, ry, rz, bx, by, live);
            for (int k = 0; k < 8; k++)
            {
                if ((special >> k & 1) == 0) continue;
                JacobianPoint<T>.AddMixed(new JacobianPoint<T>(rx[k], ry[k], rz[k]), bx[k], by[k], out var r);
                StoreLane(rx, ry, rz, k, r);
            }
            // Totals: Tₛ += Rₛ.
            live = 0;
            for (int k = 0; k < 8; k++)
            {
                if (rz[k].IsZero) continue;
                if (!tz[k].IsZero) { live |= 1 << k; continue; }
                tx[k] = rx[k];
                ty[k] = ry[k];
                tz[k] = rz[k];
            }
            special = live == 0 ? 0 : JacobianLanes<T>.Add8(tx, ty, tz, rx, ry, rz, live);
            for (int k = 0; k < 8; k++)
            {
                if ((special >> k & 1) == 0) continue;
                JacobianPoint<T>.Add(new JacobianPoint<T>(tx[k], ty[k], tz[k]), new JacobianPoint<T>(rx[k], ry[k], rz[k]), out var t);
                StoreLane(tx, ty, tz, k, t);
            }
        }
        // Σ s·Rₛ = Σ_{t ≥ 1} Σ_{s ≥ t} Rₛ, times L by doublings (L is a power of two), plus the totals.
        JacobianPoint<T> run = JacobianPoint<T>.Infinity, weighted = JacobianPoint<T>.Infinity;
        for (int k = 7; k >= 1; k--)
        {
            JacobianPoint<T>.Add(run, new JacobianPoint<T>(rx[k], ry[k], rz[k]), out run);
            JacobianPoint<T>.Add(weighted, run, out weighted);
        }
        for (int l = length; l > 1; l >>= 1) JacobianPoint<T>.Double(weighted, out weighted);
        for (int k = 0; k < 8; k++) JacobianPoint<T>.Add(weighted, new JacobianPoint<T>(tx[k], ty[k], tz[k]), out weighted);
        sum = weighted;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreLane(T* x, T* y, T* z, int k, in JacobianPoint<T> p)
    {
        x[k] = p.X;
        y[k] = p.Y;
        z[k] = p.Z;
    }
}
