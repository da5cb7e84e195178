using System.Numerics;
using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;
using ZkInference.Field.Internal.X64;

namespace ZkInference.Field.Tests;

/// <summary>
/// The AVX-512 IFMA eight-lane Montgomery products (what <see cref="FpVec8"/>.Mul and <see cref="FrVec8"/>.Mul run
/// where the machine has IFMA) against the managed lane product and the scalar one, with edge values in the lanes
/// and the result aliasing an operand; and the EVEX encoder against encodings read back by objdump. The suite's runs
/// with <c>ZKINFERENCE_NATIVE_KERNELS=0</c> and <c>DOTNET_EnableHWIntrinsic=0</c> take the managed paths.
/// </summary>
public sealed unsafe class LaneKernelTests
{
    [Fact]
    public void KernelsAreInUseWhereTheMachineSupportsThem()
    {
        if (!LaneKernels.Supported()) return;
        Assert.True(LaneKernels.Active, "the IFMA lane kernels failed their start-up check");
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Generators)])]
    public bool FpLaneProductsMatch(Fp a, Fp b, int seed)
    {
        if (!Lanes8.IsSupported) return true;
        Fp* xs = stackalloc Fp[8], ys = stackalloc Fp[8], viaDispatch = stackalloc Fp[8], managed = stackalloc Fp[8], squared = stackalloc Fp[8];
        var rng = new Random(seed);
        Fp[] edges = [Fp.Zero, Fp.One, -Fp.One, a, b];
        for (int l = 0; l < 8; l++)
        {
            xs[l] = l < 4 ? edges[(l + seed) & 3] : Fp.Random(rng);
            ys[l] = l % 2 == 0 ? b : edges[rng.Next(edges.Length)];
        }
        xs[7] = a;
        FpVec8.Load(xs, out FpVec8 x);
        FpVec8.Load(ys, out FpVec8 y);
        FpVec8.Mul(x, y, out FpVec8 r);
        FpVec8.MulPortable(x, y, out FpVec8 m);
        FpVec8.Mul(x, x, out x); // the result over an operand
        r.Store(viaDispatch);
        m.Store(managed);
        x.Store(squared);
        for (int l = 0; l < 8; l++)
        {
            Fp.Mul(xs[l], ys[l], out Fp expected);
            if (viaDispatch[l] != expected || managed[l] != expected || squared[l] != xs[l] * xs[l]) return false;
        }
        return true;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Generators)])]
    public bool FrLaneProductsMatch(Fr a, Fr b, int seed)
    {
        if (!Lanes8.IsSupported) return true;
        Fr* xs = stackalloc Fr[8], ys = stackalloc Fr[8], viaDispatch = stackalloc Fr[8], managed = stackalloc Fr[8];
        var rng = new Random(seed);
        for (int l = 0; l < 8; l++)
        {
            xs[l] = l switch { 0 => Fr.Zero, 1 => Fr.One, 2 => -Fr.One, 3 => a, _ => Fr.Random(rng) };
            ys[l] = l % 3 == 0 ? b : -Fr.One - Fr.FromInt64(l);
        }
        FrVec8.Load(xs, out FrVec8 x);
        FrVec8.Load(ys, out FrVec8 y);
        FrVec8.Mul(x, y, out FrVec8 r);
        FrVec8.MulPortable(x, y, out FrVec8 m);
        r.Store(viaDispatch);
        m.Store(managed);
        for (int l = 0; l < 8; l++)
        {
            BigInteger expected = xs[l].ToBigInteger() * ys[l].ToBigInteger() % Fr.Modulus;
            if (viaDispatch[l].ToBigInteger() != expected || managed[l].ToBigInteger() != expected) return false;
        }
        return true;
    }

    [Fact]
    public void EvexEncodingsMatchTheAssembler()
    {
        // Each instruction beside the bytes GNU objdump decodes as that instruction.
        var e = new X64Emitter();
        e.VLoad(Zmm.Z20, X64Register.Rsi, 128);            // vmovdqu64 0x80(%rsi),%zmm20
        e.VStore(X64Register.Rdi, 512, Zmm.Z3);            // vmovdqu64 %zmm3,0x200(%rdi)
        e.VAdd(Zmm.Z1, Zmm.Z17, Zmm.Z30);                  // vpaddq %zmm30,%zmm17,%zmm1
        e.VSub(Zmm.Z9, Zmm.Z2, Zmm.Z25);                   // vpsubq %zmm25,%zmm2,%zmm9
        e.VAnd(Zmm.Z16, Zmm.Z8, Zmm.Z1);                   // vpandq %zmm1,%zmm8,%zmm16
        e.VAndNot(Zmm.Z31, Zmm.Z0, Zmm.Z15);               // vpandnq %zmm15,%zmm0,%zmm31
        e.VOr(Zmm.Z4, Zmm.Z5, Zmm.Z6);                     // vporq %zmm6,%zmm5,%zmm4
        e.VXor(Zmm.Z12, Zmm.Z12, Zmm.Z12);                 // vpxorq %zmm12,%zmm12,%zmm12
        e.VMulAddLow52(Zmm.Z10, Zmm.Z0, Zmm.Z5);           // vpmadd52luq %zmm5,%zmm0,%zmm10
        e.VMulAddHigh52(Zmm.Z27, Zmm.Z19, Zmm.Z8);         // vpmadd52huq %zmm8,%zmm19,%zmm27
        e.VShiftRight(Zmm.Z17, Zmm.Z10, 52);               // vpsrlq $0x34,%zmm10,%zmm17
        e.VShiftLeft(Zmm.Z2, Zmm.Z21, 7);                  // vpsllq $0x7,%zmm21,%zmm2
        e.VShiftRightArithmetic(Zmm.Z18, Zmm.Z4, 63);      // vpsraq $0x3f,%zmm4,%zmm18
        var c = VectorOperand.BroadcastConstant(e.AddConstant(0xFFFFFFFFFFFFFUL));
        e.VAnd(Zmm.Z3, Zmm.Z20, c);                        // vpandq 0x1d(%rip){1to8},%zmm20,%zmm3
        e.VMulAddLow52(Zmm.Z11, Zmm.Z16, c);               // vpmadd52luq 0x13(%rip){1to8},%zmm16,%zmm11
        e.VLoad(Zmm.Z5, X64Register.R12, 64);              // vmovdqu64 0x40(%r12),%zmm5
        e.VZeroUpper();
        e.Ret();
        byte[] expected = Convert.FromHexString(
            "62E1FE486FA680000000" + "62F1FE487F9F00020000" + "6291F540D4CE" + "6211ED48FBC9" + "62E1BD48DBC1" +
            "6241FD48DFFF" + "62F1D548EBE6" + "62519D48EFE4" + "6272FD48B4D5" + "6242E540B5D8" + "62D1F54073D234" +
            "62B1ED4873F507" + "62F1ED4072E43F" + "62F1DD50DB1D1D000000" + "6272FD50B41D13000000" +
            "62D1FE486FAC2440000000" + "C5F877" + "C3" + "CCCCCCCC" + "FFFFFFFFFFFF0F00");
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(e.Build()));
    }
}
