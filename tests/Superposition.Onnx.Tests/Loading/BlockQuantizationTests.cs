using Superposition.Onnx.Graph;
using Superposition.Onnx.Orientation;
using Superposition.Onnx.Proto;
using Superposition.Tests.Shared;
using DataType = Superposition.Onnx.Proto.TensorProto.Types.DataType;

namespace Superposition.Onnx.Tests.Loading;

/// <summary>
/// MatMulNBits, GatherBlockQuantized and blocked DequantizeLinear weights decode as ONNX Runtime's operator
/// documentation defines them; the expected values are written out from that definition, byte by byte.
/// </summary>
public sealed class BlockQuantizationTests
{
    private static ModelBuilder NBits(long n, long k, int bits, int block, byte[] packed, float[] scales, byte[]? zeros = null, int[]? groups = null)
    {
        long blocks = (k + block - 1) / block;
        var builder = new ModelBuilder()
            .Initializer(ModelBuilder.Raw("B", DataType.Uint8, [n, blocks, block * bits / 8], packed))
            .Initializer(ModelBuilder.Float32("scales", [n * blocks], scales));
        var inputs = new List<string> { "A", "B", "scales" };
        if (zeros is not null)
        {
            builder.Initializer(ModelBuilder.Raw("zp", DataType.Uint8, [zeros.Length], zeros));
            inputs.Add("zp");
        }

        if (groups is not null)
        {
            if (zeros is null) inputs.Add("");
            var g = new TensorProto { Name = "g_idx", DataType = (int)DataType.Int32, Dims = { groups.Length } };
            g.Int32Data.AddRange(groups);
            builder.Initializer(g);
            inputs.Add("g_idx");
        }

        builder.Node("MatMulNBits", "mm_q4", [.. inputs], ["Y"],
            ModelBuilder.Int("N", n), ModelBuilder.Int("K", k), ModelBuilder.Int("bits", bits), ModelBuilder.Int("block_size", block));
        builder.Graph.Node[^1].Domain = "com.microsoft";
        return builder;
    }

    private static OnnxModel Load(ModelBuilder builder) => OnnxModelLoader.Load(builder.ToBytes(), "q.onnx");

    [Fact]
    public void MatMulNBits_4_bit_codes_unpack_low_nibble_first_with_packed_zero_points()
    {
        // N = 1, K = 32, block 16: two blocks of 8 bytes. Byte 0 = 0x21: k0 = 1, k1 = 2. Block 0 scale 0.5, zero 3;
        // block 1 scale 2, zero 10; zero points packed in one byte, block 0 low: 0xA3.
        var packed = new byte[16];
        packed[0] = 0x21;
        packed[8] = 0xF0; // k16 = 0, k17 = 15
        var model = Load(NBits(1, 32, 4, 16, packed, [0.5f, 2f], [0xA3]));
        var matrix = Assert.Single(model.Matrices);
        var w = matrix.Tensor.ReadAll();
        Assert.Equal([1L, 32L], matrix.Tensor.Dims);
        Assert.Equal((1 - 3) * 0.5, w[0]);
        Assert.Equal((2 - 3) * 0.5, w[1]);
        Assert.Equal((0 - 3) * 0.5, w[2]);
        Assert.Equal((0 - 10) * 2.0, w[16]);
        Assert.Equal((15 - 10) * 2.0, w[17]);
        // y = A · Bᵀ: the stored rows are output units.
        Assert.Equal(("MatMulNBits", FeatureAxis.Rows), (matrix.Op, matrix.ReadAxis));
        Assert.Equal(32, model.ParameterCount); // elements of [N, K]; not bytes, not scales or zero points
        Assert.Contains("4-bit", matrix.Tensor.Decoding);
        Assert.All(model.Tensors.Where(t => t.Name != "B"), t => Assert.True(t.IsQuantizationParameter));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void MatMulNBits_without_zero_points_uses_two_to_the_bits_minus_one(int bits)
    {
        // N = 2, K = 16, one block per row: codes c(n, k) = (5n + k) mod 2^bits packed low bits first.
        const int K = 16;
        int top = 1 << bits, perByte = 8 / bits;
        var packed = new byte[2 * K * bits / 8];
        for (int n = 0; n < 2; n++)
        {
            for (int k = 0; k < K; k++)
            {
                int code = ((5 * n) + k) % top;
                packed[((n * K) + k) / perByte] |= (byte)(code << (((n * K) + k) % perByte * bits));
            }
        }

        var w = Assert.Single(Load(NBits(2, K, bits, 16, packed, [0.25f, 4f])).Matrices).Tensor.ReadAll();
        for (int n = 0; n < 2; n++)
        {
            for (int k = 0; k < K; k++)
            {
                Assert.Equal((((5 * n) + k) % top - (top / 2)) * (n == 0 ? 0.25 : 4.0), w[(n * K) + k]);
            }
        }
    }

    [Fact]
    public void MatMulNBits_g_idx_picks_the_block_of_each_input_column()
    {
        // K = 32, two blocks; g_idx sends every even k to block 1 and every odd k to block 0. All codes 9 (0x99).
        var packed = Enumerable.Repeat((byte)0x99, 16).ToArray();
        var groups = Enumerable.Range(0, 32).Select(k => k % 2 == 0 ? 1 : 0).ToArray();
        var w = Assert.Single(Load(NBits(1, 32, 4, 16, packed, [1f, 3f], groups: groups)).Matrices).Tensor.ReadAll();
        Assert.Equal(3.0, w[0]);  // (9 - 8) · 3
        Assert.Equal(1.0, w[1]);  // (9 - 8) · 1
        Assert.Equal(3.0, w[30]);
    }

    [Fact]
    public void MatMulNBits_with_a_wrong_layout_is_skipped_and_never_read_as_bytes()
    {
        // block_size 16 and K = 32 need [1, 2, 8] bytes; 12 bytes stored.
        var builder = new ModelBuilder()
            .Initializer(ModelBuilder.Raw("B", DataType.Uint8, [1, 2, 6], new byte[12]))
            .Initializer(ModelBuilder.Float32("scales", [2], [1f, 1f]))
            .Node("MatMulNBits", "mm_q4", ["A", "B", "scales"], ["Y"], ModelBuilder.Int("N", 1), ModelBuilder.Int("K", 32), ModelBuilder.Int("bits", 4), ModelBuilder.Int("block_size", 16));
        builder.Graph.Node[^1].Domain = "com.microsoft";
        var model = Load(builder);
        Assert.Empty(model.Matrices);
        Assert.Contains("never analysed as raw bytes", model.Tensors.Single(t => t.Name == "B").NotAFrameReason);
    }

    [Fact]
    public void Unknown_custom_domain_integer_weight_is_not_analysed()
    {
        var builder = new ModelBuilder()
            .Initializer(ModelBuilder.Raw("B", DataType.Uint8, [4, 4], new byte[16]))
            .Node("MatMul", "mm", ["A", "B"], ["Y"]);
        builder.Graph.Node[^1].Domain = "com.example";
        var model = Load(builder);
        Assert.Empty(model.Matrices);
        Assert.Contains("never analysed as raw bytes", model.Tensors.Single().NotAFrameReason);
    }

    [Fact]
    public void DequantizeLinear_with_block_size_uses_one_scale_per_block_along_the_axis()
    {
        // int8 [2, 4], axis 1, block 2: scales [2, 2], zero points [2, 2].
        var model = Load(new ModelBuilder(21)
            .Initializer(ModelBuilder.Raw("q", DataType.Int8, [2, 4], [1, 2, 3, 4, 5, 6, 7, 8]))
            .Initializer(ModelBuilder.Float32("s", [2, 2], [1f, 10f, 100f, 1000f]))
            .Initializer(ModelBuilder.Raw("z", DataType.Int8, [2, 2], [0, 1, 2, 3]))
            .Node("DequantizeLinear", "dq", ["q", "s", "z"], ["w"], ModelBuilder.Int("axis", 1), ModelBuilder.Int("block_size", 2))
            .Node("MatMul", "mm", ["x", "w"], ["y"]));
        var w = Assert.Single(model.Matrices).Tensor.ReadAll();
        Assert.Equal([1.0, 2.0, 20.0, 30.0, 300.0, 400.0, 4000.0, 5000.0], w);
    }

    [Fact]
    public void GatherBlockQuantized_uint8_table_unpacks_tokens_with_default_zero_point_8()
    {
        // Logical table [2, 16] stored as uint8 [2, 8]; block 16: one scale per token. Token 0 all codes 0x1 / 0x2 pairs.
        var data = new byte[16];
        for (int i = 0; i < 8; i++) data[i] = 0x21;
        for (int i = 8; i < 16; i++) data[i] = 0xF8;
        var builder = new ModelBuilder()
            .Initializer(ModelBuilder.Raw("table", DataType.Uint8, [2, 8], data))
            .Initializer(ModelBuilder.Float32("s", [2, 1], [1f, 0.5f]))
            .Node("GatherBlockQuantized", "embed", ["table", "ids", "s"], ["e"], ModelBuilder.Int("block_size", 16));
        builder.Graph.Node[^1].Domain = "com.microsoft";
        var model = Load(builder);
        var matrix = Assert.Single(model.Matrices);
        Assert.Equal((2, 16), (matrix.Rows, matrix.Columns));
        var frame = matrix.Orient(OrientationChoice.Auto);
        Assert.Equal((2, 16, "embedding"), (frame.Features, frame.Hidden, frame.Label));
        var w = matrix.Tensor.ReadAll();
        Assert.Equal([-7.0, -6.0], w[..2]);           // (1 - 8) · 1, (2 - 8) · 1
        Assert.Equal([0.0, 3.5], w[16..18]);          // (8 - 8) · 0.5, (15 - 8) · 0.5
        Assert.Equal(32, model.ParameterCount);
    }
}
