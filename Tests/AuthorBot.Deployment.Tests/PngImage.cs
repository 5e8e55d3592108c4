using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AuthorBot.Deployment.Tests;

/// <summary>
/// Decodes the PNGs the Teams package ships (8-bit RGB or RGBA, not interlaced) into RGBA pixels, enough to check
/// their size, colours and transparency without an imaging library.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] _signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, bool hasAlpha, byte[] rgba)
    {
        Width = width;
        Height = height;
        HasAlphaChannel = hasAlpha;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public bool HasAlphaChannel { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels =>
        Enumerable.Range(0, Height).SelectMany(y => Enumerable.Range(0, Width).Select(x => this[x, y]));

    public static PngImage Decode(byte[] file)
    {
        if (file.Length < _signature.Length || !file.AsSpan(0, _signature.Length).SequenceEqual(_signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        var offset = _signature.Length;
        while (offset + 12 <= file.Length)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset)));
            var type = Encoding.ASCII.GetString(file, offset + 4, 4);
            var data = file.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data));
                    height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                    var (bitDepth, colourType, interlace) = (data[8], data[9], data[12]);
                    channels = colourType switch
                    {
                        2 => 3,
                        6 => 4,
                        _ => throw new InvalidDataException($"Colour type {colourType} is not RGB or RGBA."),
                    };
                    if (bitDepth != 8 || interlace != 0)
                    {
                        throw new InvalidDataException($"Only 8-bit, non-interlaced images are decoded here (bit depth {bitDepth}, interlace {interlace}).");
                    }

                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    offset = file.Length;
                    continue;
            }

            offset += 12 + length;
        }

        if (channels == 0)
        {
            throw new InvalidDataException("No IHDR chunk.");
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var rgba = Unfilter(raw.ToArray(), width, height, channels);
        return new PngImage(width, height, channels == 4, rgba);
    }

    // PNG filters each scanline with one of five predictors on the bytes of the pixel to the left, above and above-left.
    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        if (data.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"Expected {height * (stride + 1)} bytes of scanlines, found {data.Length}.");
        }

        var current = new byte[stride];
        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            data.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(current);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? current[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown filter type {filter} on row {y}."),
                });
            }

            for (var x = 0; x < width; x++)
            {
                var target = ((y * width) + x) * 4;
                current.AsSpan(x * channels, 3).CopyTo(rgba.AsSpan(target));
                rgba[target + 3] = channels == 4 ? current[(x * channels) + 3] : (byte)255;
            }

            (previous, current) = (current, previous);
        }

        return rgba;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
