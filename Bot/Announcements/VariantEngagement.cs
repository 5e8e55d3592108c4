namespace AuthorBot.Bot.Announcements;

/// <summary>What one variant's readers did: deliveries targeted and sent, and how many of them were clicked, replied to or led to an RSVP.</summary>
internal sealed record VariantEngagement(string Variant, int Targeted, int Sent, int Clicked, int Replied, int Rsvped);
