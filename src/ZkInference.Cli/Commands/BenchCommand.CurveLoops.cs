using System.Runtime.CompilerServices;
using ZkInference.Field;

namespace ZkInference.Cli.Commands;

internal static partial class BenchCommand
{
    // Curve, pairing and MSM loops; inputs are built untimed, each action runs n operations.
    private static class CurveLoops
    {
        private const MethodImplOptions Hot = MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining;

        private static G1Affine RandomG1(Random rng) => G1Jacobian.Multiply(G1Jacobian.Generator, Fr.Random(rng)).ToAffine();

        private static G2Affine RandomG2(Random rng) => G2Jacobian.Multiply(G2Jacobian.Generator, Fr.Random(rng)).ToAffine();

        public static Action<int> G1MixedAdd()
        {
            var rng = new Random(11);
            G1Jacobian acc = G1Jacobian.FromAffine(RandomG1(rng));
            G1Affine p = RandomG1(rng);
            return n => acc = MixedAddChain(acc, p, n);
        }

        public static Action<int> G1Double()
        {
            G1Jacobian acc = G1Jacobian.FromAffine(RandomG1(new Random(12)));
            return n => acc = DoubleChain(acc, n);
        }

        public static Action<int> G2Add()
        {
            var rng = new Random(13);
            G2Jacobian acc = G2Jacobian.FromAffine(RandomG2(rng)), q = G2Jacobian.FromAffine(RandomG2(rng));
            return n => acc = G2AddChain(acc, q, n);
        }

        public static Action<int> G1ScalarMul()
        {
            var rng = new Random(14);
            G1Jacobian p = G1Jacobian.FromAffine(RandomG1(rng));
            Fr k = Fr.Random(rng);
            return n => { for (int i = 0; i < n; i++) p = G1Jacobian.Multiply(p, k); };
        }

        // Independent multiplications through the batch API (eight AVX-512 lanes at a time where present).
        public static Action<int> G1ScalarMulBatch()
        {
            var rng = new Random(17);
            var points = new G1Jacobian[1024];
            var scalars = new Fr[1024];
            for (int i = 0; i < points.Length; i++) { points[i] = G1Jacobian.FromAffine(RandomG1(rng)); scalars[i] = Fr.Random(rng); }
            return n => { for (int done = 0; done < n; done += points.Length) G1Jacobian.MultiplyMany(points, scalars, points); };
        }

        public static Action<int> Pair()
        {
            var rng = new Random(15);
            G1Affine p = RandomG1(rng);
            G2Affine q = RandomG2(rng);
            return n => { for (int i = 0; i < n; i++) _ = Pairing.Pair(p, q); };
        }

        public static Action<int> PairingCheck4()
        {
            var rng = new Random(16);
            G1Affine[] p = [RandomG1(rng), RandomG1(rng), RandomG1(rng), RandomG1(rng)];
            G2Affine[] q = [RandomG2(rng), RandomG2(rng), RandomG2(rng), RandomG2(rng)];
            return n => { for (int i = 0; i < n; i++) _ = Pairing.PairingCheck(p, q); };
        }

        public static Action<int> Msm(int logSize, int threads)
        {
            int size = 1 << logSize;
            var rng = new Random(17);
            // Distinct points cheaply: multiples of one random point by consecutive integers, batch-normalised.
            var jacobian = new G1Jacobian[size];
            G1Jacobian step = G1Jacobian.FromAffine(RandomG1(rng)), acc = step;
            for (int i = 0; i < size; i++) { jacobian[i] = acc; acc += step; }
            var points = new G1Affine[size];
            G1Jacobian.BatchToAffine(jacobian, points);
            var scalars = new Fr[size];
            for (int i = 0; i < size; i++) scalars[i] = Fr.Random(rng);
            var options = new MsmOptions { MaxDegreeOfParallelism = threads };
            return n => { for (int i = 0; i < n; i++) _ = MultiExp.G1(points, scalars, options); };
        }

        [MethodImpl(Hot)]
        private static G1Jacobian MixedAddChain(G1Jacobian acc, G1Affine p, int n) { for (int i = 0; i < n; i++) G1Jacobian.AddMixed(acc, p, out acc); return acc; }

        [MethodImpl(Hot)]
        private static G1Jacobian DoubleChain(G1Jacobian acc, int n) { for (int i = 0; i < n; i++) G1Jacobian.Double(acc, out acc); return acc; }

        [MethodImpl(Hot)]
        private static G2Jacobian G2AddChain(G2Jacobian acc, G2Jacobian q, int n) { for (int i = 0; i < n; i++) G2Jacobian.Add(acc, q, out acc); return acc; }
    }
}
