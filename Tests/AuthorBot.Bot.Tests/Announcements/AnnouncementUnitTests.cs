using AuthorBot.Bot.Announcements;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class AnnouncementUnitTests
{
    [Theory]
    [InlineData("Hi {name}!", "Ann Lee", "Hi Ann Lee!")]
    [InlineData("Hi {firstName}!", "Ann Lee", "Hi Ann!")]
    [InlineData("Hi {name}!", null, "Hi reader!")]
    [InlineData("Hi {name|friend}!", "  ", "Hi friend!")]
    [InlineData("Likes: {interests}", "x", "Likes: fantasy, crime")]
    public void Templates_fill_profile_fields_with_fallbacks(string template, string? name, string expected)
    {
        var profile = new ReaderProfile { Name = name, Interests = ["fantasy", "crime"] };
        Assert.Equal(expected, MessageTemplate.Render(template, profile));
    }

    [Theory]
    [InlineData("Hi {nam}", "Unknown placeholder '{nam}'")]
    [InlineData("Hi {name", "Unbalanced braces")]
    public void Templates_with_unknown_fields_are_refused(string template, string expected) =>
        Assert.Contains(expected, MessageTemplate.Validate(template), StringComparison.Ordinal);

    [Fact]
    public void The_z_test_matches_a_worked_example()
    {
        // 120/1000 vs 90/1000: pooled p = 0.105, se = sqrt(0.105*0.895*0.002) = 0.013709, z = 2.1884, p = 0.0286.
        var (z, p) = TwoProportionZTest.Test(120, 1000, 90, 1000);
        Assert.Equal(2.1884, z!.Value, 3);
        Assert.Equal(0.0286, p!.Value, 3);
        Assert.Equal((null, null), TwoProportionZTest.Test(0, 10, 0, 10));
        Assert.Equal((null, null), TwoProportionZTest.Test(1, 0, 0, 10));
    }

    [Theory]
    [InlineData(22, 7, 23, true)]
    [InlineData(22, 7, 6, true)]
    [InlineData(22, 7, 7, false)]
    [InlineData(22, 7, 12, false)]
    [InlineData(9, 17, 10, true)]
    [InlineData(9, 17, 17, false)]
    public void Quiet_hours_may_wrap_midnight(int start, int end, int hour, bool quiet)
    {
        var profile = new ReaderProfile { TimeZone = "Europe/Paris", Preferences = new ReaderPreferences { QuietHoursStart = start, QuietHoursEnd = end } };
        // 2026-01-15 is winter: Paris is UTC+1.
        var at = new DateTimeOffset(2026, 1, 15, 0, 30, 0, TimeSpan.Zero).AddHours(hour - 1);
        Assert.Equal(quiet, ReaderClock.InQuietHours(profile, at));
    }

    [Fact]
    public void Best_hour_defaults_to_early_evening_local_time_and_follows_learned_activity()
    {
        var schedule = new ScheduleRequest
        {
            Kind = ScheduleKinds.BestHour,
            WindowStart = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero),
            WindowEnd = new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero),
        };
        var now = new DateTimeOffset(2026, 1, 14, 0, 0, 0, TimeSpan.Zero);
        var tokyo = new ReaderProfile { TimeZone = "Asia/Tokyo" };
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), SendTimePlanner.DueAt(schedule, tokyo, null, now));

        var activity = new int[24];
        activity[6] = 3;
        activity[20] = 5;
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 20, 0, 0, TimeSpan.Zero), SendTimePlanner.DueAt(schedule, tokyo, activity, now));

        // 20:00 UTC is 05:00 in Tokyo; inside quiet hours 0-7 it is never picked.
        var sleeper = new ReaderProfile { TimeZone = "Asia/Tokyo", Preferences = new ReaderPreferences { QuietHoursStart = 0, QuietHoursEnd = 7 } };
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero), SendTimePlanner.DueAt(schedule, sleeper, activity, now));
    }

    [Fact]
    public void Variants_split_the_audience_exactly_by_weight()
    {
        var readers = Enumerable.Range(0, 1000)
            .Select(i => new ReaderKey("emulator", "u" + i))
            .ToList();
        VariantRequest[] variants = [new() { Id = "A", Weight = 1 }, new() { Id = "B", Weight = 3 }];
        var split = AnnouncementPlanner.AssignVariants("ann_1", readers, variants);
        Assert.Equal(250, split.Values.Count(v => v == "A"));
        Assert.Equal(750, split.Values.Count(v => v == "B"));
        Assert.Equal(split, AnnouncementPlanner.AssignVariants("ann_1", [.. readers.AsEnumerable().Reverse()], variants));
        Assert.NotEqual(split, AnnouncementPlanner.AssignVariants("ann_2", readers, variants));
    }

    [Theory]
    [InlineData(null, "Bearer k", 503)]
    [InlineData("secret", null, 401)]
    [InlineData("secret", "Basic secret", 401)]
    [InlineData("secret", "Bearer secre", 401)]
    [InlineData("secret", "Bearer secret", 0)]
    [InlineData("secret", "bearer  secret ", 0)]
    public void The_api_key_check_refuses_without_a_configured_key_and_compares_exactly(string? configured, string? header, int status) =>
        Assert.Equal(status, ApiKeyCheck.Check(configured, header)?.Status ?? 0);
}
