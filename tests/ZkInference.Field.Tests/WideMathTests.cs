using System.Numerics;
using FsCheck.Xunit;
using ZkInference.Field.Internal;

namespace ZkInference.Field.Tests;

public sealed class WideMathTests
{
    [Property]
    public bool PortableProductMatchesBigInteger(ulong a, ulong b)
    {
        ulong hi = WideMath.PortableBigMul(a, b, out ulong lo);
        return ((BigInteger)hi << 64) + lo == (BigInteger)a * b;
    }

    [Property]
    public bool DispatchedProductMatchesPortable(ulong a, ulong b)
    {
        ulong hi = WideMath.BigMul(a, b, out ulong lo);
        ulong hi2 = WideMath.PortableBigMul(a, b, out ulong lo2);
        return hi == hi2 && lo == lo2;
    }

    [Property]
    public bool HighWordMatchesPortable(ulong a, ulong b) => WideMath.MulHigh(a, b) == WideMath.PortableBigMul(a, b, out _);
}
