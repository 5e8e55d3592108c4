using System.Numerics;
using System.Runtime.InteropServices;

namespace AuthorBot.Recommenders.Numerics;

/// <summary>Small SIMD kernels over float spans; the hot loops of training and scoring live here.</summary>
internal static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var n = a.Length;
        var i = 0;
        var acc = Vector<float>.Zero;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            var acc2 = Vector<float>.Zero;
            var v = 0;

            // Two independent accumulators hide the latency of the fused multiply-adds.
            for (; v + 1 < va.Length; v += 2)
            {
                acc = Vector.FusedMultiplyAdd(va[v], vb[v], acc);
                acc2 = Vector.FusedMultiplyAdd(va[v + 1], vb[v + 1], acc2);
            }

            for (; v < va.Length; v++)
            {
                acc = Vector.FusedMultiplyAdd(va[v], vb[v], acc);
            }

            acc += acc2;
            i = va.Length * Vector<float>.Count;
        }

        var sum = Vector.Sum(acc);
        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>y += alpha * x.</summary>
    public static void AddScaled(Span<float> y, float alpha, ReadOnlySpan<float> x)
    {
        var n = y.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var va = new Vector<float>(alpha);
            for (var v = 0; v < vy.Length; v++)
            {
                vy[v] += va * vx[v];
            }

            i = vy.Length * Vector<float>.Count;
        }

        for (; i < n; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    /// <summary>
    /// One AdaGrad step on a pair of factor vectors for squared error <paramref name="error"/>:
    /// both gradients are taken before either vector moves, each vector keeps one accumulated squared-gradient scalar (LIBMF).
    /// </summary>
    public static void AdaGradPairStep(Span<float> p, Span<float> q, float error, float lambda, float learningRate, ref float accP, ref float accQ)
    {
        var k = p.Length;
        float gp2 = 0, gq2 = 0;
        var stepP = learningRate / MathF.Sqrt(accP);
        var stepQ = learningRate / MathF.Sqrt(accQ);
        var i = 0;
        if (Vector.IsHardwareAccelerated && k >= Vector<float>.Count)
        {
            var vp = MemoryMarshal.Cast<float, Vector<float>>(p);
            var vq = MemoryMarshal.Cast<float, Vector<float>>(q);
            var ve = new Vector<float>(error);
            var vl = new Vector<float>(lambda);
            var sp = new Vector<float>(stepP);
            var sq = new Vector<float>(stepQ);
            var ap = Vector<float>.Zero;
            var aq = Vector<float>.Zero;
            for (var v = 0; v < vp.Length; v++)
            {
                var pv = vp[v];
                var qv = vq[v];
                var gp = (vl * pv) - (ve * qv);
                var gq = (vl * qv) - (ve * pv);
                ap += gp * gp;
                aq += gq * gq;
                vp[v] = pv - (sp * gp);
                vq[v] = qv - (sq * gq);
            }

            gp2 = Vector.Sum(ap);
            gq2 = Vector.Sum(aq);
            i = vp.Length * Vector<float>.Count;
        }

        for (; i < k; i++)
        {
            var pv = p[i];
            var qv = q[i];
            var gp = (lambda * pv) - (error * qv);
            var gq = (lambda * qv) - (error * pv);
            gp2 += gp * gp;
            gq2 += gq * gq;
            p[i] = pv - (stepP * gp);
            q[i] = qv - (stepQ * gq);
        }

        accP += gp2 / k;
        accQ += gq2 / k;
    }
}
