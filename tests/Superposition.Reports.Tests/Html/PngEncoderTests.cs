using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Superposition.Reports.Charts;
using Superposition.Reports.Html;

namespace Superposition.Reports.Tests.Html;

/// <summary>The heatmap PNG: standard CRC-32 check values and a byte-exact decode of the image data.</summary>
public sealed class PngEncoderTests
{
    [Fact]
    public void Crc32_matches_the_standard_check_values()
    {
        Assert.Equal(0xCBF43926u, PngEncoder.Crc32(Encoding.ASCII.GetBytes("123456789"))); // CRC-32 catalogue check value
        Assert.Equal(0xAE426082u, PngEncoder.Crc32(Encoding.ASCII.GetBytes("IEND")));      // every PNG's IEND CRC
    }

    [Fact]
    public void Encoded_image_has_signature_header_and_the_pixels_in_its_data()
    {
        ChartColor[] pixels = [new(255, 0, 0), new(0, 128, 255), new(1, 2, 3), new(9, 9, 9), new(0, 0, 0), new(255, 255, 255)];
        byte[] png = PngEncoder.Encode(3, 2, pixels);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);

        var chunks = new Dictionary<string, byte[]>();
        for (int at = 8; at < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(PngEncoder.Crc32(png.AsSpan(at + 4, 4 + length)), crc);
            chunks[type] = png[(at + 8)..(at + 8 + length)];
            at += 12 + length;
        }

        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Keys);
        var header = chunks["IHDR"];
        Assert.Equal((3, 2, (byte)8, (byte)2), (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)), header[8], header[9]));

        using var inflate = new ZLibStream(new MemoryStream(chunks["IDAT"]), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        Assert.Equal(new byte[] { 0, 255, 0, 0, 0, 128, 255, 1, 2, 3, 0, 9, 9, 9, 0, 0, 0, 255, 255, 255 }, raw.ToArray());
    }
}
