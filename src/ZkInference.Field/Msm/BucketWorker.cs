using System.Buffers;
using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// One thread's buckets for one window at a time, with batch-affine accumulation: additions into distinct
/// affine buckets are collected into a batch and completed together with one shared inversion
/// (about 6 multiplications each instead of 11 for a mixed Jacobian addition). A point whose bucket is
/// already in the current batch is deferred to a queue and retried after the flush; when the queue is full
/// (heavily repeated digits) the point goes into the bucket's Jacobian overflow by a mixed addition.
/// All arrays are pooled and reused across windows. The loops are fully optimised from their first call
/// (a prover runs once per process, so tier-0 code would otherwise run for the first MSMs). With
/// <c>lanes</c> the flush runs its products eight at a time (BucketWorker.Lanes.cs).
/// </summary>
[SkipLocalsInit]
internal sealed unsafe partial class BucketWorker<T> : IDisposable where T : unmanaged, IField<T>
{
    private readonly AffinePoint<T>[] _affine;      // affine part of each bucket
    private readonly bool[] _occupied;              // whether _affine[b] holds a point
    private readonly JacobianPoint<T>[] _overflow;  // Jacobian part of each bucket (identity when unused)
    private readonly int[] _mark;                   // batch id that last scheduled bucket b
    private readonly int[] _batchBucket, _batchPoint, _queueBucket, _queuePoint;
    private readonly T[] _den, _prefix;             // per batch entry: denominator, product of the earlier ones
    private readonly AffinePoint<T>[] _loaded;      // per batch entry: the (possibly negated) point, loaded once
    private readonly int _batchSize;
    private int _batchCount, _queueCount, _batchId;
    private AffinePoint<T>* _points;

    public BucketWorker(int buckets, int batchSize, bool lanes)
    {
        _batchSize = batchSize;
        _lanes = lanes;
        if (lanes)
        {
            // The lane flush pads its batch to a multiple of 8 and keeps numerators too.
            int padded = (batchSize + 7) & ~7;
            _num = ArrayPool<T>.Shared.Rent(padded);
            _cancel = ArrayPool<bool>.Shared.Rent(padded);
            _scratch = ArrayPool<T>.Shared.Rent(ScratchBlocks * 8);
            batchSize = padded;
        }
        _affine = ArrayPool<AffinePoint<T>>.Shared.Rent(buckets);
        _occupied = ArrayPool<bool>.Shared.Rent(buckets);
        _overflow = ArrayPool<JacobianPoint<T>>.Shared.Rent(buckets);
        _mark = ArrayPool<int>.Shared.Rent(buckets);
        _batchBucket = ArrayPool<int>.Shared.Rent(batchSize);
        _batchPoint = ArrayPool<int>.Shared.Rent(batchSize);
        _queueBucket = ArrayPool<int>.Shared.Rent(batchSize);
        _queuePoint = ArrayPool<int>.Shared.Rent(batchSize);
        _den = ArrayPool<T>.Shared.Rent(batchSize);
        _prefix = ArrayPool<T>.Shared.Rent(batchSize);
        _loaded = ArrayPool<AffinePoint<T>>.Shared.Rent(batchSize);
    }

    /// <summary>Adds digit·P into bucket |digit| − 1 for every point of the window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accumulate(AffinePoint<T>* points, ReadOnlySpan<short> digits, int buckets, bool batchAffine)
    {
        _points = points;
        Array.Clear(_occupied, 0, buckets);
        Array.Clear(_overflow, 0, buckets);
        Array.Fill(_mark, -1, 0, buckets);
        _batchCount = 0;
        _queueCount = 0;
        _batchId = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[i];
            if (d == 0) continue;
            // A point index is stored as i for +P and ~i for −P.
            int signed = d > 0 ? i : ~i;
            int b = (d > 0 ? d : -d) - 1;
            if (batchAffine) Schedule(b, signed);
            else AddToOverflow(b, signed);
        }
        if (!batchAffine) return;
        Flush();
        // A few rounds clear ordinary collisions; a long tail in one bucket is cheaper through the overflow.
        for (int round = 0; round < 4 && _queueCount > 0; round++)
        {
            DrainQueue();
            Flush();
        }
        for (int q = 0; q < _queueCount; q++) AddToOverflow(_queueBucket[q], _queuePoint[q]);
        _queueCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LoadPoint(int signed, out T x, out T y)
    {
        if (signed >= 0)
        {
            x = _points[signed].X;
            y = _points[signed].Y;
            return;
        }
        x = _points[~signed].X;
        T.Neg(_points[~signed].Y, out y);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddToOverflow(int b, int signed)
    {
        LoadPoint(signed, out T x, out T y);
        JacobianPoint<T>.AddMixed(_overflow[b], x, y, out _overflow[b]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Schedule(int b, int signed)
    {
        if (!_occupied[b])
        {
            LoadPoint(signed, out _affine[b].X, out _affine[b].Y);
            _occupied[b] = true;
            return;
        }
        if (_mark[b] == _batchId)
        {
            // Same bucket already pending in this batch: defer.
            if (_queueCount < _batchSize)
            {
                _queueBucket[_queueCount] = b;
                _queuePoint[_queueCount++] = signed;
            }
            else
            {
                AddToOverflow(b, signed);
            }
            return;
        }
        _mark[b] = _batchId;
        _batchBucket[_batchCount] = b;
        _batchPoint[_batchCount++] = signed;
        if (_batchCount == _batchSize)
        {
            Flush();
            DrainQueue();
        }
    }

    // Moves deferred points whose bucket is free in the new batch into it (or straight into an empty bucket).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DrainQueue()
    {
        int kept = 0;
        for (int q = 0; q < _queueCount; q++)
        {
            int b = _queueBucket[q], signed = _queuePoint[q];
            if (!_occupied[b])
            {
                LoadPoint(signed, out _affine[b].X, out _affine[b].Y);
                _occupied[b] = true;
            }
            else if (_mark[b] != _batchId && _batchCount < _batchSize)
            {
                _mark[b] = _batchId;
                _batchBucket[_batchCount] = b;
                _batchPoint[_batchCount++] = signed;
            }
            else
            {
                _queueBucket[kept] = b;
                _queuePoint[kept++] = signed;
            }
        }
        _queueCount = kept;
    }

    // Completes the pending additions bucket[b] += P with one shared inversion of their denominators
    // (Montgomery's trick, fused: the forward pass loads each point once and keeps the running product, the
    // backward pass peels each inverse off and finishes that addition at once).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flush()
    {
        int count = _batchCount;
        if (count == 0) return;
        if (_lanes)
        {
            FlushLanes(count);
            return;
        }
        T acc = T.One;
        for (int j = 0; j < count; j++)
        {
            ref AffinePoint<T> bucket = ref _affine[_batchBucket[j]];
            ref AffinePoint<T> p = ref _loaded[j];
            LoadPoint(_batchPoint[j], out p.X, out p.Y);
            _prefix[j] = acc;
            if (bucket.X != p.X) T.Sub(p.X, bucket.X, out _den[j]);
            else if (bucket.Y == p.Y) T.Double(p.Y, out _den[j]);   // doubling: λ = 3x²/2y
            else { _den[j] = T.Zero; continue; }                    // P + (−P): the bucket empties
            FieldOps<T>.Mul(acc, _den[j], out acc);
        }
        T.Inverse(acc, out T inv);
        for (int j = count - 1; j >= 0; j--)
        {
            int b = _batchBucket[j];
            ref AffinePoint<T> bucket = ref _affine[b];
            if (_den[j].IsZero)
            {
                _occupied[b] = false;
                continue;
            }
            // 1/den[j] = prefix[j]·(den[0]·…·den[j])⁻¹; then drop den[j] from the inverse.
            FieldOps<T>.Mul(_prefix[j], inv, out T denInverse);
            FieldOps<T>.Mul(inv, _den[j], out inv);
            ref AffinePoint<T> p = ref _loaded[j];
            T num;
            if (bucket.X != p.X)
            {
                T.Sub(p.Y, bucket.Y, out num);
            }
            else
            {
                FieldOps<T>.Square(p.X, out T xx);
                T.Double(xx, out num);
                T.Add(num, xx, out num);
            }
            FieldOps<T>.Mul(num, denInverse, out T lambda);
            FieldOps<T>.Square(lambda, out T x3);
            T.Sub(x3, bucket.X, out x3);
            T.Sub(x3, p.X, out x3);
            T.Sub(bucket.X, x3, out T y3);
            FieldOps<T>.Mul(lambda, y3, out y3);
            T.Sub(y3, bucket.Y, out bucket.Y);
            bucket.X = x3;
        }
        _batchCount = 0;
        _batchId++;
    }

    /// <summary>Σ (b + 1)·bucket[b] by the running-sum trick: 2 additions per bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reduce(int buckets, out JacobianPoint<T> sum)
    {
        if (_lanes && buckets >= 16)
        {
            ReduceLanes(buckets, out sum);
            return;
        }
        JacobianPoint<T> running = JacobianPoint<T>.Infinity, total = JacobianPoint<T>.Infinity;
        for (int b = buckets - 1; b >= 0; b--)
        {
            if (_occupied[b]) JacobianPoint<T>.AddMixed(running, _affine[b].X, _affine[b].Y, out running);
            if (!_overflow[b].IsInfinity) JacobianPoint<T>.Add(running, _overflow[b], out running);
            JacobianPoint<T>.Add(total, running, out total);
        }
        sum = total;
    }

    public void Dispose()
    {
        ArrayPool<AffinePoint<T>>.Shared.Return(_affine);
        ArrayPool<bool>.Shared.Return(_occupied);
        ArrayPool<JacobianPoint<T>>.Shared.Return(_overflow);
        ArrayPool<int>.Shared.Return(_mark);
        ArrayPool<int>.Shared.Return(_batchBucket);
        ArrayPool<int>.Shared.Return(_batchPoint);
        ArrayPool<int>.Shared.Return(_queueBucket);
        ArrayPool<int>.Shared.Return(_queuePoint);
        ArrayPool<T>.Shared.Return(_den);
        ArrayPool<T>.Shared.Return(_prefix);
        ArrayPool<AffinePoint<T>>.Shared.Return(_loaded);
        if (!_lanes) return;
        ArrayPool<T>.Shared.Return(_num!);
        ArrayPool<bool>.Shared.Return(_cancel!);
        ArrayPool<T>.Shared.Return(_scratch!);
    }
}
