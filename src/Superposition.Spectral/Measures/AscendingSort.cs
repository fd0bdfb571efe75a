namespace Superposition.Spectral.Measures;

/// <summary>
/// Ascending sort of doubles with the comparison inlined. The NativeAOT build's <see cref="Array.Sort{T}(T[])"/> of
/// doubles compares through <see cref="Comparer{T}.Default"/>, one interface call per comparison (2.5 % of a PP-OCR
/// run's CPU time in <see cref="Summary.Of"/>, per-feature.md, run 5). When the values hold no NaN and not both
/// +0 and −0, every value's equals are its bit-for-bit copies, so the ascending order is unique and any correct sort
/// gives the same array as <see cref="Array.Sort{T}(T[])"/>; otherwise (ties between distinct bit patterns, placed by
/// the algorithm) this is <see cref="Array.Sort{T}(T[])"/> itself.
/// </summary>
internal static class AscendingSort
{
    /// <summary>Arrays at least this long are sorted by <see cref="RadixSort"/>, shorter ones by comparisons.</summary>
    private const int RadixLength = 256;

    /// <summary>Partitions at most this long are finished by insertion.</summary>
    private const int InsertionLength = 16;

    /// <summary>Sorts <paramref name="values"/> in place, ascending; the same result as <see cref="Array.Sort{T}(T[])"/>.</summary>
    public static void Sort(double[] values)
    {
        if (!OrderIsUnique(values))
        {
            Array.Sort(values);
            return;
        }

        if (values.Length >= RadixLength)
        {
            RadixSort(values);
            return;
        }

        // Introsort's guard: past this depth a partition is handed to Array.Sort (same result, as the order is unique).
        var depth = 2 * (64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)values.Length));
        QuickSort(values, 0, values.Length - 1, depth);
    }

    /// <summary>
    /// Least-significant-digit radix sort on the bytes of an order-preserving key of each double (sign bit flipped
    /// for positives, every bit for negatives: the unsigned keys then sort as the values), a byte per pass, passes on
    /// which every key has the same byte skipped. No comparisons, so no mispredicted branches: the comparison sort's
    /// were most of its time on the per-feature arrays.
    /// </summary>
    private static void RadixSort(double[] values)
    {
        var n = values.Length;
        var keys = new ulong[n];
        var other = new ulong[n];
        var counts = new int[8 * 256];
        for (var i = 0; i < n; i++)
        {
            var bits = (ulong)BitConverter.DoubleToInt64Bits(values[i]);
            var key = bits ^ ((ulong)((long)bits >> 63) | 0x8000_0000_0000_0000UL);
            keys[i] = key;
            for (var d = 0; d < 8; d++) counts[(d * 256) + (int)((key >> (8 * d)) & 0xFF)]++;
        }

        for (var d = 0; d < 8; d++)
        {
            var digit = counts.AsSpan(d * 256, 256);
            if (digit[(int)((keys[0] >> (8 * d)) & 0xFF)] == n) continue;
            var offset = 0;
            for (var b = 0; b < 256; b++) (digit[b], offset) = (offset, offset + digit[b]);
            foreach (var key in keys) other[digit[(int)((key >> (8 * d)) & 0xFF)]++] = key;
            (keys, other) = (other, keys);
        }

        for (var i = 0; i < n; i++)
        {
            var key = keys[i];
            var bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key ^ 0x8000_0000_0000_0000UL : ~key;
            values[i] = BitConverter.Int64BitsToDouble((long)bits);
        }
    }

    /// <summary>No NaN, and not both zeros: equal values are then identical.</summary>
    internal static bool OrderIsUnique(ReadOnlySpan<double> values)
    {
        bool positiveZero = false, negativeZero = false;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) return false;
            if (v == 0)
            {
                if (double.IsNegative(v)) negativeZero = true;
                else positiveZero = true;
            }
        }

        return !(positiveZero && negativeZero);
    }

    private static void QuickSort(double[] a, int low, int high, int depth)
    {
        while (high - low >= InsertionLength)
        {
            if (depth-- == 0)
            {
                Array.Sort(a, low, high - low + 1);
                return;
            }

            // Median of three as the pivot, then Hoare's partition: [low, j] ≤ pivot ≤ [j + 1, high].
            var middle = low + ((high - low) >> 1);
            if (a[middle] < a[low]) (a[middle], a[low]) = (a[low], a[middle]);
            if (a[high] < a[low]) (a[high], a[low]) = (a[low], a[high]);
            if (a[high] < a[middle]) (a[high], a[middle]) = (a[middle], a[high]);
            var pivot = a[middle];
            int i = low - 1, j = high + 1;
            while (true)
            {
                do i++;
                while (a[i] < pivot);
                do j--;
                while (a[j] > pivot);
                if (i >= j) break;
                (a[i], a[j]) = (a[j], a[i]);
            }

            // The smaller side by recursion, the larger by the loop: stack depth O(log n).
            if (j - low < high - j)
            {
                QuickSort(a, low, j, depth);
                low = j + 1;
            }
            else
            {
                QuickSort(a, j + 1, high, depth);
                high = j;
            }
        }

        for (var k = low + 1; k <= high; k++)
        {
            var v = a[k];
            var p = k - 1;
            while (p >= low && a[p] > v)
            {
                a[p + 1] = a[p];
                p--;
            }

            a[p + 1] = v;
        }
    }
}
