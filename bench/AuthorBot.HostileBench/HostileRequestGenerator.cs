using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AuthorBot.HostileBench;

/// <summary>
/// Request number <c>i</c> of a run with seed <c>s</c> is drawn from <c>new Random(HashCode(s, i))</c>, so a run is
/// reproducible up to what the bot answered (which tokens and conversations exist to aim at). About a third of the
/// requests go to /api/messages, a third to Direct Line (tokens, conversations, activities, uploads, the stream,
/// attachments), the rest to the page's token endpoint and the announcements API, each a valid request with hostile
/// changes or outright garbage.
/// </summary>
public static class HostileRequestGenerator
{
    private static readonly string[] _activityTypes = ["message", "conversationUpdate", "invoke", "messageReaction", "installationUpdate", "event", "typing", "endOfConversation", "messageUpdate", "messageDelete", "contactRelationUpdate", "deleteUserData", "trace", "handoff", "command", "x-unknown"];
    private static readonly string[] _texts = ["hi", "menu", "subscribe to the newsletter", "recommend me a book", "events", "new book", "help", "cancel", "start over", "unsubscribe", "stop", "my data", "export my data", "delete my data", "yes", "no", "fantasy", "more", "why this one?", "time zone Europe/Paris", "quiet hours 22:00 to 07:00", "remind me on launch day", "rsvp", "<script>alert(1)</script>", "' OR 1=1 --", "{{name}}", "%s%s%s%n", "\u202e\u0000", "🙂🙃", new string('a', 5000)];
    private static readonly string[] _invokeNames = ["adaptiveCard/action", "composeExtension/query", "task/fetch", "signin/verifyState", "fileConsent/invoke", "healthCheck", "actionableMessage/executeAction", "x/unknown", string.Empty];
    private static readonly string[] _contentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=utf-16", "*/*"];

    /// <summary>The hostile request number <paramref name="index"/> of the run seeded <paramref name="seed"/>.</summary>
    public static HostileRequest Create(int seed, int index, FuzzState state)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var roll = random.Next(100);
        return roll switch
        {
            < 34 => Messages(random, state),
            < 44 => DirectLineTokens(random, state),
            < 52 => DirectLineConversations(random, state),
            < 64 => DirectLineActivities(random, state),
            < 70 => DirectLineUpload(random, state),
            < 73 => DirectLineStream(random, state),
            < 75 => DirectLineAttachment(random, state),
            < 84 => TokenEndpoint(random),
            _ => Announcements(random, state),
        };
    }

    private static HostileRequest Messages(Random random, FuzzState state)
    {
        var type = _activityTypes[random.Next(_activityTypes.Length)];
        var user = "fz-" + random.Next(50).ToString(CultureInfo.InvariantCulture);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "act-" + random.Next().ToString(CultureInfo.InvariantCulture),
            ["channelId"] = random.Next(4) switch { 0 => "msteams", 1 => "directline", _ => "emulator" },
            ["serviceUrl"] = ServiceUrl(random, state),
            ["from"] = new JsonObject { ["id"] = user, ["name"] = "Fuzz " + user, ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "AuthorBot" },
            ["conversation"] = new JsonObject { ["id"] = "fz-conv-" + random.Next(50).ToString(CultureInfo.InvariantCulture) },
            ["locale"] = random.Next(5) == 0 ? "xx-INVALID-@@" : "en-US",
            ["timestamp"] = "2026-11-20T10:00:00.000Z",
        };
        switch (type)
        {
            case "message":
                activity["text"] = _texts[random.Next(_texts.Length)];
                if (random.Next(4) == 0)
                {
                    activity["value"] = random.Next(2) == 0 ? new JsonObject { ["action"] = "rsvp", ["eventId"] = "x" } : JsonMutator.Junk(random);
                }

                break;
            case "conversationUpdate":
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = user }, new JsonObject { ["id"] = "bot" });
                break;
            case "invoke":
                activity["name"] = _invokeNames[random.Next(_invokeNames.Length)];
                activity["value"] = random.Next(2) == 0
                    ? new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "rsvp", ["data"] = new JsonObject() } }
                    : JsonMutator.Junk(random);
                break;
            case "messageReaction":
                activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
                break;
            case "installationUpdate":
                activity["action"] = random.Next(2) == 0 ? "add" : "remove-upgrade";
                break;
            default:
                activity["name"] = "x";
                break;
        }

        if (random.Next(4) == 0)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        var isInvoke = type == "invoke";
        if (random.Next(5) == 0)
        {
            // A valid activity: the hostile part is what it asks for (service URL, locale, text).
            return new HostileRequest("messages", $"valid {type}", HttpMethod.Post, "/api/messages", Bytes(activity), "application/json") { IsInvoke = isInvoke };
        }

        if (random.Next(12) == 0)
        {
            return new HostileRequest("messages", "wrong method", Method(random), "/api/messages", Bytes(activity), "application/json");
        }

        var (body, description) = JsonMutator.Mutate(activity, random);
        return new HostileRequest("messages", $"{type}: {description}", HttpMethod.Post, "/api/messages", body, random.Next(8) == 0 ? _contentTypes[random.Next(_contentTypes.Length)] : "application/json")
        {
            IsInvoke = isInvoke,
            Headers = random.Next(6) == 0 ? [("Authorization", Garbage(random))] : null,
        };
    }

    private static HostileRequest DirectLineTokens(Random random, FuzzState state)
    {
        var refresh = random.Next(3) == 0;
        var session = state.AnySession(random, started: random.Next(2) == 0);
        var bearer = random.Next(6) switch
        {
            0 => state.DirectLineSecret,
            1 => state.DirectLineSecret,
            2 => session?.Token ?? Garbage(random),
            3 => ForgedToken(random),
            4 => Garbage(random),
            _ => session?.Token ?? state.DirectLineSecret,
        };
        var body = random.Next(4) switch
        {
            0 => null,
            1 => Encoding.UTF8.GetBytes("""{"user":{"id":"dl_victim"}}"""),
            2 => JsonMutator.Mutate(new JsonObject { ["user"] = new JsonObject { ["id"] = "reader-" + random.Next(9), ["name"] = "x" }, ["locale"] = "en-US" }, random).Body,
            _ => Encoding.UTF8.GetBytes("""{"user":{"id":"reader-1","name":"Reader"}}"""),
        };
        return new HostileRequest("directline.tokens", refresh ? "refresh" : "generate", HttpMethod.Post, refresh ? "/v3/directline/tokens/refresh" : "/v3/directline/tokens/generate", body, "application/json", Auth(random, bearer))
        {
            Lesson = FuzzLesson.Token,
        };
    }

    private static HostileRequest DirectLineConversations(Random random, FuzzState state)
    {
        var session = state.AnySession(random, started: false) ?? state.AnySession(random, started: true);
        if (random.Next(3) == 0 || session is null)
        {
            var bearer = random.Next(3) == 0 ? state.DirectLineSecret : session?.Token ?? Garbage(random);
            var body = random.Next(2) == 0 ? null : JsonMutator.Mutate(new JsonObject { ["user"] = new JsonObject { ["id"] = "reader-" + random.Next(9) } }, random).Body;
            return new HostileRequest("directline.conversations", "start", HttpMethod.Post, "/v3/directline/conversations", body, "application/json", Auth(random, bearer))
            {
                Lesson = FuzzLesson.Conversation,
                Session = session,
            };
        }

        if (random.Next(2) == 0)
        {
            return new HostileRequest("directline.conversations", "start with token", HttpMethod.Post, "/v3/directline/conversations", null, null, [("Authorization", "Bearer " + session.Token)])
            {
                Lesson = FuzzLesson.Conversation,
                Session = session,
            };
        }

        var id = random.Next(3) == 0 ? Escape(Garbage(random)) : session.ConversationId;
        var watermark = random.Next(3) == 0 ? "?watermark=" + Escape(Garbage(random)) : string.Empty;
        return new HostileRequest("directline.conversations", "reconnect", HttpMethod.Get, $"/v3/directline/conversations/{id}{watermark}", null, null, Auth(random, session.Token));
    }

    private static HostileRequest DirectLineActivities(Random random, FuzzState state)
    {
        var session = state.AnySession(random, started: true);
        var conversationId = session?.ConversationId ?? Garbage(random);
        var token = session?.Token ?? Garbage(random);
        if (random.Next(3) == 0)
        {
            string[] watermarks = [string.Empty, "?watermark=0", "?watermark=-1", "?watermark=99999999999999999999", "?watermark=abc", "?watermark=" + long.MaxValue.ToString(CultureInfo.InvariantCulture), "?watermark=1&watermark=2"];
            return new HostileRequest("directline.activities", "get", HttpMethod.Get, $"/v3/directline/conversations/{Escape(conversationId)}/activities{watermarks[random.Next(watermarks.Length)]}", null, null, Auth(random, token))
            {
                Lesson = FuzzLesson.Activities,
            };
        }

        var activity = new JsonObject
        {
            ["type"] = random.Next(8) == 0 ? _activityTypes[random.Next(_activityTypes.Length)] : "message",
            ["from"] = new JsonObject { ["id"] = random.Next(3) == 0 ? "dl_" + random.Next(9) : "someone" },
            ["text"] = _texts[random.Next(_texts.Length)],
            ["channelData"] = new JsonObject { ["clientActivityID"] = "c" + random.Next() },
        };
        var valid = random.Next(4) == 0;
        var (body, description) = valid ? (Bytes(activity), "valid message") : JsonMutator.Mutate(activity, random);
        return new HostileRequest("directline.activities", description, HttpMethod.Post, $"/v3/directline/conversations/{Escape(conversationId)}/activities", body, random.Next(10) == 0 ? _contentTypes[random.Next(_contentTypes.Length)] : "application/json", Auth(random, token));
    }

    private static HostileRequest DirectLineUpload(Random random, FuzzState state)
    {
        var session = state.AnySession(random, started: true);
        var conversationId = session?.ConversationId ?? Garbage(random);
        if (session is not null && random.Next(4) == 0)
        {
            // A valid upload, so what serves and links files is reached too.
            const string Valid = "--fuzz\r\nContent-Disposition: form-data; name=\"activity\"; filename=\"blob\"\r\nContent-Type: application/vnd.microsoft.activity\r\n\r\n{\"type\":\"message\"}\r\n--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\nchapter one\r\n--fuzz--\r\n";
            return new HostileRequest("directline.upload", "valid upload", HttpMethod.Post, $"/v3/directline/conversations/{Escape(conversationId)}/upload?userId=someone", Encoding.ASCII.GetBytes(Valid), "multipart/form-data; boundary=fuzz", [("Authorization", "Bearer " + session.Token)])
            {
                Lesson = FuzzLesson.Upload,
            };
        }

        var boundary = random.Next(8) == 0 ? new string('b', 100) : "fuzz" + random.Next().ToString(CultureInfo.InvariantCulture);
        var parts = new StringBuilder();
        var body = new MemoryStream();
        void Text(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        var partCount = random.Next(4);
        var description = new List<string>();
        for (var i = 0; i <= partCount; i++)
        {
            var kind = random.Next(6);
            Text($"--{boundary}\r\n");
            switch (kind)
            {
                case 0:
                    var (activity, mutation) = random.Next(2) == 0
                        ? (Bytes(new JsonObject { ["type"] = "message", ["text"] = "file" }), "activity")
                        : JsonMutator.Mutate(new JsonObject { ["type"] = "message", ["text"] = "file" }, random);
                    description.Add(mutation);
                    Text("Content-Disposition: form-data; name=\"activity\"; filename=\"blob\"\r\nContent-Type: application/vnd.microsoft.activity\r\n\r\n");
                    body.Write(activity);
                    break;
                case 1:
                    description.Add("no disposition");
                    Text("Content-Type: text/plain\r\n\r\nhello");
                    break;
                case 2:
                    description.Add("huge header");
                    Text($"Content-Disposition: form-data; name=\"file\"; filename=\"{new string('n', 20_000)}\"\r\n\r\nx");
                    break;
                default:
                    string[] types = ["image/png", "image/jpeg", "text/plain", "application/pdf", "text/html", "image/svg+xml", "application/octet-stream", string.Empty, "image/png; charset=\"x", "text/plain; charset=utf-8"];
                    var type = types[random.Next(types.Length)];
                    var content = new byte[random.Next(6) == 0 ? 3_000_000 + random.Next(6_000_000) : random.Next(50_000)];
                    random.NextBytes(content);
                    if (type == "image/png" && random.Next(2) == 0 && content.Length >= 8)
                    {
                        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(content, 0);
                    }

                    description.Add($"file {type} {content.Length}");
                    Text($"Content-Disposition: form-data; name=\"file\"; filename=\"../../{Garbage(random).Replace("\"", string.Empty, StringComparison.Ordinal)}\"\r\n");
                    if (type.Length > 0)
                    {
                        Text($"Content-Type: {type}\r\n");
                    }

                    Text("\r\n");
                    body.Write(content);
                    break;
            }

            Text("\r\n");
        }

        if (random.Next(6) != 0)
        {
            Text($"--{boundary}--\r\n");
        }
        else
        {
            description.Add("no closing boundary");
        }

        var contentType = random.Next(10) == 0 ? "multipart/form-data" : $"multipart/form-data; boundary={boundary}";
        var userId = random.Next(8) == 0 ? string.Empty : "?userId=" + Escape(random.Next(2) == 0 ? "dl_x" : "someone");
        return new HostileRequest("directline.upload", string.Join(", ", description), HttpMethod.Post, $"/v3/directline/conversations/{Escape(conversationId)}/upload{userId}", body.ToArray(), contentType, Auth(random, session?.Token ?? Garbage(random)))
        {
            Lesson = FuzzLesson.Upload,
        };
    }

    private static HostileRequest DirectLineStream(Random random, FuzzState state)
    {
        var session = state.AnySession(random, started: true);
        var token = random.Next(4) == 0 ? Garbage(random) : session?.Token ?? Garbage(random);
        var conversationId = session?.ConversationId ?? "nope";
        var path = $"/v3/directline/conversations/{Escape(conversationId)}/stream?t={Escape(token)}" + (random.Next(3) == 0 ? "&watermark=" + Escape(Garbage(random)) : string.Empty);
        return random.Next(3) == 0
            ? new HostileRequest("directline.stream", "plain GET", HttpMethod.Get, path)
            : new HostileRequest("directline.stream", "websocket", HttpMethod.Get, path, Encoding.UTF8.GetBytes(Garbage(random))) { IsWebSocket = true };
    }

    private static HostileRequest DirectLineAttachment(Random random, FuzzState state)
    {
        var session = state.AnySession(random, started: true);
        var path = state.AnyAttachment(random) is { } known && random.Next(2) == 0 ? known : "/v3/directline/attachments/" + Escape(Garbage(random));
        var query = random.Next(3) == 0 && session is not null ? (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "t=" + Escape(session.Token) : string.Empty;
        return new HostileRequest("directline.attachments", "get", HttpMethod.Get, path + query, null, null, Auth(random, session?.Token ?? Garbage(random)));
    }

    private static HostileRequest TokenEndpoint(Random random)
    {
        byte[]? body = random.Next(6) switch
        {
            0 => null,
            1 => "{}"u8.ToArray(),
            2 => Encoding.UTF8.GetBytes("""{"userId":"dl_victim0000"}"""),
            3 => new byte[5000],
            _ => JsonMutator.Mutate(new JsonObject { ["userId"] = "dl_" + random.Next(9) }, random).Body,
        };
        List<(string, string)> headers = [];
        if (random.Next(3) == 0)
        {
            headers.Add(("Cookie", "authorbot.reader=" + Garbage(random)));
        }

        if (random.Next(4) == 0)
        {
            headers.Add(("X-Forwarded-For", random.Next(2) == 0 ? "127.0.0.1" : Garbage(random)));
        }

        if (random.Next(4) == 0)
        {
            headers.Add(("X-Forwarded-Proto", random.Next(2) == 0 ? "https" : Garbage(random)));
        }

        return new HostileRequest("token", "page token", random.Next(10) == 0 ? Method(random) : HttpMethod.Post, "/api/directline/token", body, random.Next(5) == 0 ? _contentTypes[random.Next(_contentTypes.Length)] : "application/json", headers)
        {
            Lesson = FuzzLesson.Token,
        };
    }

    private static HostileRequest Announcements(Random random, FuzzState state)
    {
        var auth = random.Next(8) switch
        {
            0 => [],
            1 => [("Authorization", "Bearer " + Garbage(random))],
            2 => [("Authorization", "Basic " + state.ApiKey)],
            _ => new List<(string, string)> { ("Authorization", "Bearer " + state.ApiKey) },
        };
        var known = state.AnyAnnouncement(random);
        switch (random.Next(8))
        {
            case 0:
                return new HostileRequest("announcements", "progress", HttpMethod.Get, "/api/announcements/" + Escape(random.Next(2) == 0 && known is not null ? known : Garbage(random)), null, null, auth);
            case 1:
                return new HostileRequest("announcements", "results", HttpMethod.Get, "/api/announcements/" + Escape(random.Next(2) == 0 && known is not null ? known : Garbage(random)) + "/results", null, null, auth);
            case 2:
                return new HostileRequest("announcements", "cancel", HttpMethod.Delete, "/api/announcements/" + Escape(random.Next(2) == 0 && known is not null ? known : Garbage(random)), null, null, auth);
            case 3:
                return new HostileRequest("announcements", "click", HttpMethod.Get, "/r/" + Escape(Garbage(random)));
            default:
                var request = new JsonObject
                {
                    ["name"] = "fuzz",
                    ["text"] = "Hello {name}, see https://example.com/" + random.Next(),
                    ["audience"] = new JsonObject { ["kind"] = random.Next(4) switch { 0 => "subscribers", 1 => "interests", 2 => "event", _ => "all" }, ["channel"] = "emulator" },
                    ["schedule"] = new JsonObject { ["kind"] = random.Next(3) switch { 0 => "at", 1 => "bestHour", _ => "now" }, ["at"] = "2030-01-01T10:00:00+01:00" },
                };
                if (random.Next(3) == 0)
                {
                    request["variants"] = new JsonArray(
                        new JsonObject { ["id"] = "A", ["text"] = "A {name}", ["weight"] = 1 },
                        new JsonObject { ["id"] = "B", ["text"] = "B", ["card"] = new JsonObject { ["title"] = "T", ["buttons"] = new JsonArray(new JsonObject { ["title"] = "Go", ["url"] = "javascript:alert(1)" }) } });
                }

                var valid = random.Next(5) == 0;
                var (body, description) = valid ? (Bytes(request), "valid announcement") : JsonMutator.Mutate(request, random);
                return new HostileRequest("announcements", description, HttpMethod.Post, "/api/announcements", body, random.Next(8) == 0 ? _contentTypes[random.Next(_contentTypes.Length)] : "application/json", auth)
                {
                    Lesson = FuzzLesson.Announcement,
                };
        }
    }

    private static string ServiceUrl(Random random, FuzzState state) => random.Next(14) switch
    {
        0 => "http://169.254.169.254/latest/meta-data/",
        1 => "http://2852039166/",
        2 => "http://10.0.0.1/",
        3 => "http://[fd00::1]/",
        4 => "http://metadata.google.internal/",
        5 => "https://smba.trafficmanager.net/amer/",
        6 => "http://127.0.0.1:1/",
        7 => "ftp://example.com/",
        8 => "not a url",
        _ => state.SinkUrl,
    };

    private static IReadOnlyList<(string Name, string Value)> Auth(Random random, string bearer) => random.Next(10) switch
    {
        0 => [],
        1 => [("Authorization", "Bearer")],
        2 => [("Authorization", "Basic " + bearer)],
        3 => [("Authorization", "Bearer " + bearer + Garbage(random))],
        _ => [("Authorization", "Bearer " + bearer)],
    };

    /// <summary>A token-shaped string that was never signed by this bot (alg none, a bad signature, odd claims).</summary>
    private static string ForgedToken(Random random)
    {
        string[] forged =
        [
            "eyJhbGciOiJub25lIn0.eyJpc3MiOiJBdXRob3JCb3QuRGlyZWN0TGluZSIsImNvbnYiOiJ4IiwidXNlciI6ImRsX3ZpY3RpbSIsImV4cCI6OTk5OTk5OTk5OX0.",
            "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJBdXRob3JCb3QuRGlyZWN0TGluZSIsImNvbnYiOiJ4In0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "a.b.c",
            "..",
            new string('A', 5000) + "." + new string('B', 5000) + ".C",
        ];
        return forged[random.Next(forged.Length)];
    }

    private static string Garbage(Random random)
    {
        string[] garbage = ["", " ", "null", "../../etc/passwd", "%00", "%2e%2e%2f", "\u0000", "'\"<>", "a|b", "x".PadRight(3000, 'x'), "😀", "{}", "dl_victim", "-1", "9".PadRight(40, '9'), "ann_" + random.Next(), "AAAAAAAAAAAAAAAAAAAAAAAA"];
        return garbage[random.Next(garbage.Length)];
    }

    private static HttpMethod Method(Random random)
    {
        HttpMethod[] methods = [HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options, HttpMethod.Head, new("PROPFIND")];
        return methods[random.Next(methods.Length)];
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static byte[] Bytes(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { MaxDepth = 4096 }));
}
