using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Tests;

public class SymmetricInverseTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(130)]
    public void Inverse_times_the_matrix_is_the_identity(int n)
    {
        var random = new Random(n);
        var x = new double[n * 3 * n];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = random.NextDouble() < 0.2 ? 1 : 0;
        }

        // A Gram matrix plus a ridge, as EASE inverts.
        var a = new double[n * n];
        for (var p = 0; p < n; p++)
        {
            for (var q = 0; q < n; q++)
            {
                double s = 0;
                for (var r = 0; r < 3 * n; r++)
                {
                    s += x[(r * n) + p] * x[(r * n) + q];
                }

                a[(p * n) + q] = s + (p == q ? 2 : 0);
            }
        }

        var inverse = (double[])a.Clone();
        SymmetricInverse.Invert(inverse, n);

        for (var p = 0; p < n; p++)
        {
            for (var q = 0; q < n; q++)
            {
                double s = 0;
                for (var k = 0; k < n; k++)
                {
                    s += a[(p * n) + k] * inverse[(k * n) + q];
                }

                Assert.Equal(p == q ? 1.0 : 0.0, s, 1e-9);
            }
        }
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_is_refused()
    {
        double[] a = [1, 2, 2, 1];

        Assert.Throws<ArgumentException>(() => SymmetricInverse.Invert(a, 2));
    }
}
