using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AuthorBot.Recommenders.Numerics;

/// <summary>
/// Whole-catalogue passes of the hand-set blend under the request's exclusion mask, eight items at a time where AVX2
/// is available: each lane does what the scalar loop does for its item, so the results are the same.
/// </summary>
internal static class MaskedVectorMath
{
    /// <summary>The smallest and largest finite value among the items not excluded (+∞ and −∞ when there is none).</summary>
    public static (float Min, float Max) FiniteRange(ReadOnlySpan<float> values, ReadOnlySpan<bool> excluded)
    {
        if (excluded.Length < values.Length)
        {
            throw new ArgumentException("The mask is shorter than the values.", nameof(excluded));
        }

        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        var i = 0;
        if (Avx2.IsSupported && values.Length >= Vector256<float>.Count)
        {
            ref var value = ref MemoryMarshal.GetReference(values);
            ref var flag = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(excluded));
            var low = Vector256.Create(float.PositiveInfinity);
            var high = Vector256.Create(float.NegativeInfinity);
            for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
            {
                var x = Vector256.LoadUnsafe(ref value, (nuint)i);
                var keep = Kept(ref flag, i) & Finite(x);
                low = Vector256.Min(low, Vector256.ConditionalSelect(keep, x, Vector256.Create(float.PositiveInfinity)));
                high = Vector256.Max(high, Vector256.ConditionalSelect(keep, x, Vector256.Create(float.NegativeInfinity)));
            }

            for (var lane = 0; lane < Vector256<float>.Count; lane++)
            {
                min = Math.Min(min, low.GetElement(lane));
                max = Math.Max(max, high.GetElement(lane));
            }
        }

        for (; i < values.Length; i++)
        {
            if (!excluded[i] && float.IsFinite(values[i]))
            {
                min = Math.Min(min, values[i]);
                max = Math.Max(max, values[i]);
            }
        }

        return (min, max);
    }

    /// <summary>total[i] += weight · (values[i] − shift) wherever values[i] is finite.</summary>
    public static void AddShiftedFinite(Span<float> total, ReadOnlySpan<float> values, float weight, float shift)
    {
        if (values.Length < total.Length)
        {
            throw new ArgumentException("Fewer values than totals.", nameof(values));
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var sum = ref MemoryMarshal.GetReference(total);
            ref var value = ref MemoryMarshal.GetReference(values);
            var w = Vector256.Create(weight);
            var s = Vector256.Create(shift);
            for (; i + Vector256<float>.Count <= total.Length; i += Vector256<float>.Count)
            {
                var x = Vector256.LoadUnsafe(ref value, (nuint)i);
                var t = Vector256.LoadUnsafe(ref sum, (nuint)i);
                Vector256.ConditionalSelect(Finite(x), t + (w * (x - s)), t).StoreUnsafe(ref sum, (nuint)i);
            }
        }

        for (; i < total.Length; i++)
        {
            var v = values[i];
            if (float.IsFinite(v))
            {
                total[i] += weight * (v - shift);
            }
        }
    }

    /// <summary>values[i] += delta wherever values[i] is finite.</summary>
    public static void AddFinite(Span<float> values, float delta)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var value = ref MemoryMarshal.GetReference(values);
            var d = Vector256.Create(delta);
            for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
            {
                var x = Vector256.LoadUnsafe(ref value, (nuint)i);
                Vector256.ConditionalSelect(Finite(x), x + d, x).StoreUnsafe(ref value, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = float.IsFinite(values[i]) ? values[i] + delta : values[i];
        }
    }

    /// <summary>The largest value (−∞ for none; NaN when any value is NaN).</summary>
    public static float Max(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<float>.Count)
        {
            ref var value = ref MemoryMarshal.GetReference(values);
            var high = Vector256.Create(float.NegativeInfinity);
            for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
            {
                high = Vector256.Max(high, Vector256.LoadUnsafe(ref value, (nuint)i));
            }

            for (var lane = 0; lane < Vector256<float>.Count; lane++)
            {
                max = Math.Max(max, high.GetElement(lane));
            }
        }

        for (; i < values.Length; i++)
        {
            max = Math.Max(max, values[i]);
        }

        return max;
    }

    /// <summary>Sets every excluded item's total to <paramref name="value"/>.</summary>
    public static void SetExcluded(Span<float> total, ReadOnlySpan<bool> excluded, float value)
    {
        if (excluded.Length < total.Length)
        {
            throw new ArgumentException("The mask is shorter than the totals.", nameof(excluded));
        }

        var i = 0;
        if (Avx2.IsSupported)
        {
            ref var sum = ref MemoryMarshal.GetReference(total);
            ref var flag = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(excluded));
            var fill = Vector256.Create(value);
            for (; i + Vector256<float>.Count <= total.Length; i += Vector256<float>.Count)
            {
                var t = Vector256.LoadUnsafe(ref sum, (nuint)i);
                Vector256.ConditionalSelect(Kept(ref flag, i), t, fill).StoreUnsafe(ref sum, (nuint)i);
            }
        }

        for (; i < total.Length; i++)
        {
            if (excluded[i])
            {
                total[i] = value;
            }
        }
    }

    // All ones in the lanes of the eight items from i that are not excluded (a bool is one byte, 0 or 1).
    private static Vector256<float> Kept(ref byte flags, int i)
    {
        var bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref flags, i))).AsByte();
        return Vector256.Equals(Avx2.ConvertToVector256Int32(bytes), Vector256<int>.Zero).AsSingle();
    }

    // x − x is 0 for a finite x and NaN for ±∞ or NaN.
    private static Vector256<float> Finite(Vector256<float> x) => Vector256.Equals(x - x, Vector256<float>.Zero);
}
