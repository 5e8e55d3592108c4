using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AuthorBot.Bot.Tests.EndToEnd;
using Xunit.Abstractions;

namespace AuthorBot.Bot.Tests.Reliability;

/// <summary>Web Chat uploads through the running host: streamed to the attachment store, linked from the log, served by id.</summary>
public sealed class AttachmentUploadTests(ITestOutputHelper output)
{
    /// <summary>
    /// The documented bound (README, DirectLine:Attachments): uploads add at most this much to the host's working set,
    /// whatever their number. Measured +15 MiB for 500 × 1 MiB (Kestrel's and the client's buffers, the GC's headroom).
    /// </summary>
    private const long WorkingSetBoundBytes = 128L * 1024 * 1024;

    [Fact]
    public async Task Five_hundred_uploads_of_one_megabyte_keep_the_working_set_within_its_bound_and_the_log_small()
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(
        [
            $"--Storage:Sqlite:Path={Path.Combine(folder.Path, "state.db")}",
            $"--Proactive:DatabasePath={Path.Combine(folder.Path, "proactive.db")}",
            $"--DirectLine:DataDirectory={folder.Path}",
            "--DirectLine:RateLimitPerSecond=1000",
            "--DirectLine:RateLimitBurst=1000",
        ]);
        const int conversations = 20;
        const int uploadsEach = 25;
        var sessions = new List<DirectLineSession>();
        for (var i = 0; i < conversations; i++)
        {
            sessions.Add(await DirectLineSession.StartAsync(host));
        }

        // One megabyte that really is a PDF as far as the type check goes, reused so the test's own memory stays flat.
        var file = new byte[1024 * 1024];
        new Random(13).NextBytes(file);
        "%PDF-1.7\n"u8.CopyTo(file);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = Environment.WorkingSet;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(20);
            }
        });
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (session, cancellationToken) =>
        {
            for (var u = 0; u < uploadsEach; u++)
            {
                using var response = await session.UploadAsync(file, "application/pdf", $"chapter-{u}.pdf");
                Assert.True(response.IsSuccessStatusCode, $"upload {u}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        });
        await sampling.CancelAsync();
        await sampler;

        output.WriteLine($"{conversations * uploadsEach} uploads of 1 MiB in {clock.Elapsed.TotalSeconds:F1} s; working set {baseline / 1048576} MiB before, peak {peak / 1048576} MiB (+{(peak - baseline) / 1048576} MiB)");
        Assert.True(peak - baseline < WorkingSetBoundBytes, $"The working set grew by {(peak - baseline) / 1048576} MiB.");

        // The log holds links, not bytes: a conversation's whole history is a few kilobytes, and so is the database.
        var log = await sessions[0].Client.GetStringAsync(new Uri($"conversations/{sessions[0].ConversationId}/activities", UriKind.Relative));
        output.WriteLine($"one conversation's log: {log.Length} bytes; state.db {new FileInfo(Path.Combine(folder.Path, "state.db")).Length / 1024} KiB");
        Assert.True(log.Length < 100_000, $"GET activities returned {log.Length} bytes.");
        Assert.DoesNotContain("base64", log, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(folder.Path, "state.db")).Length < 20L * 1024 * 1024);
        Assert.Equal(conversations * uploadsEach, Directory.EnumerateFiles(Path.Combine(folder.Path, "attachments"), "*.bin", SearchOption.AllDirectories).Count());
        foreach (var session in sessions)
        {
            session.Dispose();
        }
    }

    [Fact]
    public async Task An_uploaded_file_is_served_only_to_its_conversations_token()
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--DirectLine:DataDirectory={folder.Path}"]);
        using var owner = await DirectLineSession.StartAsync(host);
        using var other = await DirectLineSession.StartAsync(host);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

        using (var uploaded = await owner.UploadAsync(png, "image/png", "cover.png"))
        {
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        var echo = (await owner.ActivitiesAsync()).Last(a => a.TryGetProperty("attachments", out _));
        var url = new Uri(echo.GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!);
        Assert.Equal("cover.png", echo.GetProperty("attachments")[0].GetProperty("name").GetString());

        using (var mine = await owner.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            Assert.Equal(png, await mine.Content.ReadAsByteArrayAsync());
            Assert.Equal("image/png", mine.Content.Headers.ContentType!.MediaType);
        }

        using (var byQuery = await host.Client.GetAsync(new Uri(url + "?t=" + Uri.EscapeDataString(owner.Token))))
        {
            Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        }

        using (var theirs = await other.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        }

        using (var anonymous = await host.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
    }

    [Theory]
    [InlineData("text/html", "<html><script>alert(1)</script></html>")]
    [InlineData("image/png", "<html><script>alert(1)</script></html>")]
    [InlineData("application/pdf", "not a pdf at all")]
    [InlineData("image/svg+xml", "<svg onload=alert(1)></svg>")]
    [InlineData("application/octet-stream", "MZ")]
    public async Task A_file_of_a_type_not_accepted_or_not_what_it_claims_is_415_and_nothing_is_kept(string contentType, string content)
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--DirectLine:DataDirectory={folder.Path}"]);
        using var session = await DirectLineSession.StartAsync(host);
        var before = (await session.ActivitiesAsync()).Count;

        using var response = await session.UploadAsync(System.Text.Encoding.UTF8.GetBytes(content), contentType, "file");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, (await session.ActivitiesAsync()).Count);
        Assert.Empty(Directory.Exists(Path.Combine(folder.Path, "attachments"))
            ? Directory.EnumerateFiles(Path.Combine(folder.Path, "attachments"), "*", SearchOption.AllDirectories)
            : []);
    }

    [Fact]
    public async Task Files_over_the_per_file_or_per_conversation_limit_are_413()
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(
        [
            "--Storage:Provider=Memory",
            $"--DirectLine:DataDirectory={folder.Path}",
            "--DirectLine:Attachments:MaxFileBytes=100000",
            "--DirectLine:Attachments:MaxConversationBytes=250000",
        ]);
        using var session = await DirectLineSession.StartAsync(host);
        var text = new byte[90_000];
        Array.Fill(text, (byte)'a');

        using (var tooBig = await session.UploadAsync(new byte[100_001], "text/plain", "big.txt"))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var fits = await session.UploadAsync(text, "text/plain", $"part-{i}.txt");
            Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        }

        using var third = await session.UploadAsync(text, "text/plain", "part-2.txt");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, third.StatusCode);
        Assert.Contains("conversation", await MalformedRequestTests.ErrorTextAsync(third), StringComparison.Ordinal);

        // Another conversation has its own allowance.
        using var fresh = await DirectLineSession.StartAsync(host);
        using var elsewhere = await fresh.UploadAsync(text, "text/plain", "part.txt");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_chunked_upload_without_a_length_is_cut_off_at_the_limit()
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--DirectLine:DataDirectory={folder.Path}", "--DirectLine:MaxUploadBytes=200000"]);
        using var session = await DirectLineSession.StartAsync(host);
        using var form = new MultipartFormDataContent();
        var endless = new byte[1_000_000];
        Array.Fill(endless, (byte)'a');
        var file = new StreamContent(new UnknownLengthStream(endless));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "endless.txt");

        using var response = await session.Client.PostAsync(new Uri($"conversations/{session.ConversationId}/upload?userId={session.UserId}", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Directory.Exists(Path.Combine(folder.Path, "attachments"))
            ? Directory.EnumerateFiles(Path.Combine(folder.Path, "attachments"), "*.bin", SearchOption.AllDirectories)
            : []);
    }

    [Fact]
    public async Task Uploads_far_over_the_limit_sent_many_at_once_each_hear_413_not_a_reset()
    {
        // A refused body that is still arriving used to be left to the server, which resets a connection with that
        // much unread: the client saw "Error while copying content to a stream" instead of the answer saying why.
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--DirectLine:DataDirectory={folder.Path}", "--DirectLine:MaxUploadBytes=200000"]);
        using var session = await DirectLineSession.StartAsync(host);
        int[] sizes = [300_000, 2_000_000, 9_000_000, 40_000_000];
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 24), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var size = sizes[i % sizes.Length];
            try
            {
                using var response = await session.UploadAsync(new byte[size], "text/plain", $"big-{i}.txt");
                if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge)
                {
                    failures.Enqueue($"{size} bytes: {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException exception)
            {
                failures.Enqueue($"{size} bytes: {exception.Message}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join('\n', failures));
        using var fits = await session.UploadAsync("chapter one"u8.ToArray(), "text/plain", "small.txt");
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task A_refused_upload_still_arriving_slowly_but_steadily_hears_413_not_a_reset()
    {
        // Twelve seconds of sending, a chunk every 400 ms: longer than the drain's old fixed ten seconds, never silent
        // for as long as its five-second idle limit. What a heavily loaded machine looks like to the server.
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--DirectLine:DataDirectory={folder.Path}", "--DirectLine:MaxUploadBytes=200000"]);
        using var session = await DirectLineSession.StartAsync(host);
        using var content = new SlowContent(chunks: 30, chunkBytes: 64 * 1024, pause: TimeSpan.FromMilliseconds(400));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        using var response = await session.Client.PostAsync(new Uri($"conversations/{session.ConversationId}/upload?userId={session.UserId}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(30, content.ChunksSent);
    }

    [Fact]
    public async Task Uploads_under_the_limit_refused_at_their_first_part_each_hear_400_not_a_reset()
    {
        // Refused before the big part is read: the rest of the body is still arriving when the answer is decided.
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--DirectLine:DataDirectory={folder.Path}"]);
        using var session = await DirectLineSession.StartAsync(host);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 24), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var body = new MemoryStream();
            body.Write("--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.svg\"\r\nContent-Type: image/svg+xml\r\n\r\n"u8);
            body.Write(new byte[7_000_000 + (i * 40_000)]);
            body.Write("\r\n--b--\r\n"u8);
            using var content = new ByteArrayContent(body.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
            try
            {
                using var response = await session.Client.PostAsync(new Uri($"conversations/{session.ConversationId}/upload?userId={session.UserId}", UriKind.Relative), content, ct);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Enqueue($"{i}: {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException exception)
            {
                failures.Enqueue($"{i}: {exception.Message}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join('\n', failures));
    }

    /// <summary>A stream that hides its length, so the request is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    /// <summary>A body of a declared length sent in chunks with a pause before each.</summary>
    private sealed class SlowContent(int chunks, int chunkBytes, TimeSpan pause) : HttpContent
    {
        public int ChunksSent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[chunkBytes];
            for (var i = 0; i < chunks; i++)
            {
                await Task.Delay(pause);
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
                ChunksSent++;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = (long)chunks * chunkBytes;
            return true;
        }
    }
}
