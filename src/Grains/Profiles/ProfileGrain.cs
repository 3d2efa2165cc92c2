using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Naviyam.Hosting;
using Naviyam.Profiles;

namespace Naviyam.Profiles;

/// <summary>
/// Learns a user's tastes from their turns; persisted through the grain storage. Safety facts (dietary restrictions,
/// age group) are written at once; learned tastes are written within <see cref="ProfileOptions.WriteDelay"/> and on
/// deactivation, so a chatty user costs one write per few seconds rather than two per turn.
/// </summary>
public sealed class ProfileGrain(
    [PersistentState("profile", StorageNames.Default)] IPersistentState<UserProfile> state,
    IProfileMirror mirror,
    IOptions<ProfileOptions> options,
    ILogger<ProfileGrain> logger) : Grain, IProfileGrain
{
    private const int MaxLikedFoods = 20;

    private IGrainTimer? pendingWrite;

    Task<UserProfile> IProfileGrain.GetAsync() => Task.FromResult(state.State ?? UserProfile.Empty);

    async Task IProfileGrain.ObserveTurnAsync(TurnObservation observation)
    {
        var profile = state.State ?? UserProfile.Empty;
        var liked = new Dictionary<string, int>(profile.LikedFoods);
        if (observation.FoodType is { } food)
        {
            liked[food] = liked.GetValueOrDefault(food) + 1;
            if (liked.Count > MaxLikedFoods)
            {
                liked.Remove(liked.MinBy(pair => pair.Value).Key);
            }
        }

        var updated = profile with
        {
            AgeGroup = observation.UserAge is { } age ? UserProfile.AgeGroupOf(age) : profile.AgeGroup,
            LikedFoods = liked,
            TastePreference = observation.TastePreference ?? profile.TastePreference,
            UsualBudget = observation.Budget is > 0 ? observation.Budget : profile.UsualBudget,
            DietaryRestrictions = profile.DietaryRestrictions.Union(observation.DietaryRestrictions).ToArray(),
            TurnCount = profile.TurnCount + 1,
            PreferenceAsked = profile.PreferenceAsked || observation.PreferenceAsked,
        };
        var safetyChanged = updated.AgeGroup != profile.AgeGroup
            || updated.DietaryRestrictions.Count != profile.DietaryRestrictions.Count;
        state.State = updated;
        if (safetyChanged)
        {
            await WriteAsync();
        }
        else
        {
            pendingWrite ??= this.RegisterGrainTimer(WriteAsync, new GrainTimerCreationOptions
            {
                DueTime = options.Value.WriteDelay,
                Period = Timeout.InfiniteTimeSpan,
            });
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (pendingWrite is not null)
        {
            await WriteAsync();
        }
    }

    private async Task WriteAsync()
    {
        pendingWrite?.Dispose();
        pendingWrite = null;
        await state.WriteStateAsync();
        try
        {
            await mirror.MirrorAsync(this.GetPrimaryKeyString(), state.State);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Profile mirror for {User} failed; the grain state is intact", this.GetPrimaryKeyString());
        }
    }
}
