using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

internal unsafe partial struct FpVec8 : ILaneField<FpVec8, Fp>
{
    private static readonly FpVec8 OneLanes = MakeOne();

    public static FpVec8 One => OneLanes;

    static void ILaneField<FpVec8, Fp>.Load(Fp* p, out FpVec8 r) => Load(p, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(in FpVec8 v, Fp* p) => v.Store(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in FpVec8 a, out FpVec8 r) => Mul(a, a, out r);

    static void ILaneField<FpVec8, Fp>.Select(Vector512<ulong> keep, in FpVec8 a, in FpVec8 b, out FpVec8 r) => Select(keep, a, b, out r);

    /// <summary>All ones in the lanes holding zero (elements are fully reduced, so zero means every limb zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> ZeroLanes(in FpVec8 a) =>
        Vector512.Equals(a.L0 | a.L1 | a.L2 | a.L3 | a.L4 | a.L5 | a.L6 | a.L7 | a.L8, Vector512<ulong>.Zero);

    private static FpVec8 MakeOne()
    {
        Fp* ones = stackalloc Fp[8];
        for (int k = 0; k < 8; k++) ones[k] = Fp.One;
        Load(ones, out FpVec8 r);
        return r;
    }
}
