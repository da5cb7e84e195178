using ZkInference.Field;
using ZkInference.Groth16.Ceremony;

namespace ZkInference.Groth16.Ptau;

/// <summary>Chunk operations on LEM-encoded points of one group, so ptau streaming code is written once for G1 and G2.</summary>
internal abstract class PointCodec
{
    public static readonly PointCodec G1 = new G1Codec();
    public static readonly PointCodec G2 = new G2Codec();

    /// <summary>Bytes of a LEM point.</summary>
    public abstract int Size { get; }

    /// <summary>Bytes of a compressed point.</summary>
    public abstract int CompressedSize { get; }

    /// <summary>out[i] = scalars[i]·in[i] (LEM), plus the compressed form of each output; false if an input point is invalid.</summary>
    public abstract bool Apply(byte[] input, ReadOnlySpan<Fr> scalars, byte[] output, byte[] compressed);

    /// <summary>Converts LEM points to snarkjs's uncompressed form; false if a point is invalid.</summary>
    public abstract bool ToUncompressed(byte[] input, int count, byte[] output);

    protected const int Block = 256;

    private sealed class G1Codec : PointCodec
    {
        public override int Size => 64;
        public override int CompressedSize => 32;

        public override bool Apply(byte[] input, ReadOnlySpan<Fr> scalars, byte[] output, byte[] compressed)
        {
            int n = scalars.Length;
            Fr[] k = scalars.ToArray();
            bool ok = true;
            Parallel.For(0, (n + Block - 1) / Block, Parallelism.Cores, b =>
            {
                int s = b * Block, e = Math.Min(n, s + Block);
                var jac = new G1Jacobian[e - s];
                var aff = new G1Affine[e - s];
                for (int i = s; i < e; i++)
                {
                    if (!G1Affine.TryReadMontgomeryLittleEndian(input.AsSpan(i * 64, 64), out G1Affine p)) { ok = false; return; }
                    jac[i - s] = G1Jacobian.FromAffine(p);
                }
                G1Jacobian.MultiplyMany(jac, k.AsSpan(s, e - s), jac);
                G1Jacobian.BatchToAffine(jac, aff);
                for (int i = s; i < e; i++)
                {
                    aff[i - s].WriteMontgomeryLittleEndian(output.AsSpan(i * 64, 64));
                    PointEncoding.WriteCompressed(aff[i - s], compressed.AsSpan(i * 32, 32));
                }
            });
            return ok;
        }

        public override bool ToUncompressed(byte[] input, int count, byte[] output)
        {
            bool ok = true;
            Parallel.For(0, (count + 4095) / 4096, Parallelism.Cores, b =>
            {
                for (int i = b * 4096, e = Math.Min(count, i + 4096); i < e; i++)
                {
                    if (!G1Affine.TryReadMontgomeryLittleEndian(input.AsSpan(i * 64, 64), out G1Affine p)) { ok = false; return; }
                    PointEncoding.WriteUncompressed(p, output.AsSpan(i * 64, 64));
                }
            });
            return ok;
        }
    }

    private sealed class G2Codec : PointCodec
    {
        public override int Size => 128;
        public override int CompressedSize => 64;

        public override bool Apply(byte[] input, ReadOnlySpan<Fr> scalars, byte[] output, byte[] compressed)
        {
            int n = scalars.Length;
            Fr[] k = scalars.ToArray();
            bool ok = true;
            Parallel.For(0, (n + Block - 1) / Block, Parallelism.Cores, b =>
            {
                int s = b * Block, e = Math.Min(n, s + Block);
                var jac = new G2Jacobian[e - s];
                var aff = new G2Affine[e - s];
                for (int i = s; i < e; i++)
                {
                    if (!G2Affine.TryReadMontgomeryLittleEndian(input.AsSpan(i * 128, 128), out G2Affine p, checkSubgroup: true)) { ok = false; return; }
                    jac[i - s] = G2Jacobian.FromAffine(p);
                }
                G2Jacobian.MultiplyMany(jac, k.AsSpan(s, e - s), jac);
                G2Jacobian.BatchToAffine(jac, aff);
                for (int i = s; i < e; i++)
                {
                    aff[i - s].WriteMontgomeryLittleEndian(output.AsSpan(i * 128, 128));
                    PointEncoding.WriteCompressed(aff[i - s], compressed.AsSpan(i * 64, 64));
                }
            });
            return ok;
        }

        public override bool ToUncompressed(byte[] input, int count, byte[] output)
        {
            bool ok = true;
            Parallel.For(0, (count + 1023) / 1024, Parallelism.Cores, b =>
            {
                for (int i = b * 1024, e = Math.Min(count, i + 1024); i < e; i++)
                {
                    if (!G2Affine.TryReadMontgomeryLittleEndian(input.AsSpan(i * 128, 128), out G2Affine p, checkSubgroup: false)) { ok = false; return; }
                    PointEncoding.WriteUncompressed(p, output.AsSpan(i * 128, 128));
                }
            });
            return ok;
        }
    }
}
