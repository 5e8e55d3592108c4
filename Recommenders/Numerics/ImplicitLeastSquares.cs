using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace AuthorBot.Recommenders.Numerics;

/// <summary>
/// The weighted least-squares step of implicit ALS for one row x with the other side Y fixed:
/// (YᵀY + Σ_i (c_i − 1) y_i y_iᵀ + λI) x = Σ_i c_i p_i y_i. Used by the trainer and to fold in a reader's new feedback.
/// </summary>
internal static class ImplicitLeastSquares
{
    /// <summary>YᵀY for the fixed side, k×k column-major.</summary>
    public static double[] Gram(ReadOnlySpan<float> factors, int k)
    {
        var rows = factors.Length / k;
        var m = Matrix<double>.Build.Dense(rows, k);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < k; c++)
            {
                m[r, c] = factors[(r * k) + c];
            }
        }

        var gram = m.TransposeThisAndMultiply(m);
        return gram.AsColumnMajorArray() ?? gram.ToColumnMajorArray();
    }

    public static void Confidence(float value, float alpha, out float confidence, out float preference)
    {
        confidence = 1 + (alpha * Math.Abs(value));
        preference = value > 0 ? 1 : 0;
    }

    /// <summary>Exact solve by Cholesky; <paramref name="scratch"/> is a k×k buffer reused between rows.</summary>
    public static void SolveCholesky(
        ReadOnlySpan<float> fixedFactors, int k, double[] gram, ReadOnlySpan<int> columns, ReadOnlySpan<float> values,
        float lambda, float alpha, double[] scratch, Span<float> result)
    {
        Array.Copy(gram, scratch, k * k);
        var b = new double[k];
        for (var d = 0; d < k; d++)
        {
            scratch[(d * k) + d] += lambda;
        }

        // Rank-one updates on the lower triangle only (rows col..k−1 of each column), mirrored once at the end.
        var yd = new double[k];
        for (var n = 0; n < columns.Length; n++)
        {
            Confidence(values[n], alpha, out var c, out var p);
            var y = fixedFactors.Slice(columns[n] * k, k);
            for (var d = 0; d < k; d++)
            {
                yd[d] = y[d];
                b[d] += c * p * y[d];
            }

            var w = c - 1;
            for (var col = 0; col < k; col++)
            {
                var wy = w * yd[col];
                AddScaled(scratch.AsSpan((col * k) + col, k - col), wy, yd.AsSpan(col));
            }
        }

        for (var col = 0; col < k; col++)
        {
            for (var row = col + 1; row < k; row++)
            {
                scratch[(row * k) + col] = scratch[(col * k) + row];
            }
        }

        // What Matrix.Cholesky().Solve(b) runs, in place on the scratch matrix and b, without its copies of both.
        LinearAlgebraControl.Provider.CholeskyFactor(scratch, k);
        LinearAlgebraControl.Provider.CholeskySolveFactored(scratch, k, b, 1);
        for (var d = 0; d < k; d++)
        {
            result[d] = (float)b[d];
        }
    }

    /// <summary>A few conjugate-gradient steps from the current <paramref name="x"/>, never forming the k×k matrix.</summary>
    public static void SolveConjugateGradient(
        ReadOnlySpan<float> fixedFactors, int k, double[] gram, ReadOnlySpan<int> columns, ReadOnlySpan<float> values,
        float lambda, float alpha, int steps, Span<float> x)
    {
        Span<double> r = stackalloc double[k];
        Span<double> p = stackalloc double[k];
        Span<double> ap = stackalloc double[k];
        Span<double> xd = stackalloc double[k];
        for (var d = 0; d < k; d++)
        {
            xd[d] = x[d];
        }

        // r = b − A x
        Multiply(fixedFactors, k, gram, columns, values, lambda, alpha, xd, r);
        for (var d = 0; d < k; d++)
        {
            r[d] = -r[d];
        }

        for (var n = 0; n < columns.Length; n++)
        {
            Confidence(values[n], alpha, out var c, out var pref);
            if (pref > 0)
            {
                var y = fixedFactors.Slice(columns[n] * k, k);
                for (var d = 0; d < k; d++)
                {
                    r[d] += c * y[d];
                }
            }
        }

        r.CopyTo(p);
        var rsOld = Dot(r, r);
        for (var step = 0; step < steps && rsOld > 1e-20; step++)
        {
            Multiply(fixedFactors, k, gram, columns, values, lambda, alpha, p, ap);
            var alphaStep = rsOld / Dot(p, ap);
            for (var d = 0; d < k; d++)
            {
                xd[d] += alphaStep * p[d];
                r[d] -= alphaStep * ap[d];
            }

            var rsNew = Dot(r, r);
            for (var d = 0; d < k; d++)
            {
                p[d] = r[d] + (rsNew / rsOld * p[d]);
            }

            rsOld = rsNew;
        }

        for (var d = 0; d < k; d++)
        {
            x[d] = (float)xd[d];
        }
    }

    private static void Multiply(
        ReadOnlySpan<float> fixedFactors, int k, double[] gram, ReadOnlySpan<int> columns, ReadOnlySpan<float> values,
        float lambda, float alpha, ReadOnlySpan<double> v, Span<double> result)
    {
        for (var row = 0; row < k; row++)
        {
            double s = lambda * v[row];
            for (var col = 0; col < k; col++)
            {
                s += gram[(col * k) + row] * v[col];
            }

            result[row] = s;
        }

        for (var n = 0; n < columns.Length; n++)
        {
            Confidence(values[n], alpha, out var c, out _);
            var y = fixedFactors.Slice(columns[n] * k, k);
            double yv = 0;
            for (var d = 0; d < k; d++)
            {
                yv += y[d] * v[d];
            }

            var w = (c - 1) * yv;
            for (var d = 0; d < k; d++)
            {
                result[d] += w * y[d];
            }
        }
    }

    private static void AddScaled(Span<double> target, double alpha, ReadOnlySpan<double> x)
    {
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var va = new System.Numerics.Vector<double>(alpha);
            var width = System.Numerics.Vector<double>.Count;
            for (; i <= target.Length - width; i += width)
            {
                var t = new System.Numerics.Vector<double>(target.Slice(i));
                (t + (va * new System.Numerics.Vector<double>(x.Slice(i)))).CopyTo(target.Slice(i));
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += alpha * x[i];
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (var d = 0; d < a.Length; d++)
        {
            s += a[d] * b[d];
        }

        return s;
    }
}
