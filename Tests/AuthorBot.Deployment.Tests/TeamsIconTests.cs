namespace AuthorBot.Deployment.Tests;

public class TeamsIconTests
{
    private static string Icon(string name) => Path.Combine(BuildPaths.DeploymentTemplates, "teams", name);

    [Fact]
    public void The_colour_icon_is_192_pixels_square_opaque_and_in_colour()
    {
        var image = PngImage.Decode(File.ReadAllBytes(Icon("color.png")));

        Assert.Equal((192, 192), (image.Width, image.Height));
        Assert.All(image.Pixels, p => Assert.Equal(255, p.A));
        // A picture, not a flat square or a grey glyph: many colours, some of them far from grey.
        Assert.True(image.Pixels.Distinct().Count() >= 8, "color.png has fewer than 8 colours.");
        Assert.Contains(image.Pixels, p => Math.Max(p.R, Math.Max(p.G, p.B)) - Math.Min(p.R, Math.Min(p.G, p.B)) > 64);
        // The corners show the manifest's accent colour, the pages are white, the cover gold.
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Icon("manifest.json")));
        var accent = Convert.FromHexString(manifest.RootElement.GetProperty("accentColor").GetString()!.TrimStart('#'));
        Assert.Equal((accent[0], accent[1], accent[2], (byte)255), image[0, 0]);
        Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), image[44, 120]);
        Assert.Equal(((byte)0xF2, (byte)0xB8, (byte)0x4B, (byte)255), image[100, 150]);
    }

    [Fact]
    public void The_outline_icon_is_32_pixels_square_white_on_transparent()
    {
        var image = PngImage.Decode(File.ReadAllBytes(Icon("outline.png")));

        Assert.Equal((32, 32), (image.Width, image.Height));
        Assert.True(image.HasAlphaChannel, "outline.png needs an alpha channel.");
        Assert.All(image.Pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"{p} is neither white nor fully transparent."));
        // Something is drawn, and the background is transparent.
        Assert.Contains(image.Pixels, p => p.A == 255);
        Assert.Equal(0, image[0, 0].A);
    }

    [Fact]
    public void The_decoder_undoes_every_PNG_row_filter()
    {
        // Four rows of two RGBA pixels, filtered by hand with Sub, Up, Average and Paeth (PNG spec, section 9).
        byte[] scanlines =
        [
            1, 10, 20, 30, 255, 5, 5, 5, 0,
            2, 2, 2, 2, 0, 5, 5, 5, 129,
            3, 94, 89, 84, 229, 246, 251, 0, 222,
            4, 156, 156, 156, 156, 255, 255, 255, 255,
        ];
        var image = PngImage.Decode(Png(2, 4, scanlines));

        Assert.Equal(((byte)10, (byte)20, (byte)30, (byte)255), image[0, 0]);
        Assert.Equal(((byte)15, (byte)25, (byte)35, (byte)255), image[1, 0]);
        Assert.Equal(((byte)12, (byte)22, (byte)32, (byte)255), image[0, 1]);
        Assert.Equal(((byte)20, (byte)30, (byte)40, (byte)128), image[1, 1]);
        Assert.Equal(((byte)100, (byte)100, (byte)100, (byte)100), image[0, 2]);
        Assert.Equal(((byte)50, (byte)60, (byte)70, (byte)80), image[1, 2]);
        Assert.Equal(((byte)0, (byte)0, (byte)0, (byte)0), image[0, 3]);
        Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), image[1, 3]);
    }

    private static byte[] Png(int width, int height, byte[] scanlines)
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        byte[] header = [0, 0, 0, (byte)width, 0, 0, 0, (byte)height, 8, 6, 0, 0, 0];
        Chunk("IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var deflater = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            {
                deflater.Write(scanlines);
            }

            Chunk("IDAT", compressed.ToArray());
        }

        Chunk("IEND", []);
        return file.ToArray();

        // The decoder does not check CRCs, so they are left zero.
        void Chunk(string type, byte[] data)
        {
            file.Write([(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length]);
            file.Write(System.Text.Encoding.ASCII.GetBytes(type));
            file.Write(data);
            file.Write([0, 0, 0, 0]);
        }
    }
}
