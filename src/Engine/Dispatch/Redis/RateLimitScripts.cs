namespace Warning.Engine.Dispatch.Redis;

/// <summary>
/// Token buckets in Lua, mirroring <see cref="TokenBucketRules"/>. A bucket is a hash {t = tokens, ts = µs of the
/// server's TIME}; time comes from Redis so that nodes with skewed clocks share one notion of elapsed time.
/// Keys expire once the bucket would be full again (a missing bucket is a full one).
/// </summary>
internal static class RateLimitScripts
{
    private const string Bucket = """
        if redis.replicate_commands then pcall(redis.replicate_commands) end
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
        local rate, burst, floor = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
        local keep = math.ceil(burst / rate * 1000) + 1000
        local function take(key, requested)
          local s = redis.call('HMGET', key, 't', 'ts')
          local tokens, stamp = burst, now
          if s[1] then
            local elapsed = math.max(0, now - tonumber(s[2])) / 1000000
            tokens = math.min(burst, tonumber(s[1]) + elapsed * rate)
            stamp = math.max(now, tonumber(s[2]))
          end
          local granted = math.floor(tokens - floor + 1e-9)
          if granted < 0 then granted = 0 end
          if granted > requested then granted = requested end
          tokens = tokens - granted
          redis.call('HSET', key, 't', string.format('%.17g', tokens), 'ts', string.format('%.0f', stamp))
          redis.call('PEXPIRE', key, keep)
          return granted, tokens
        end
        """;

    /// <summary>
    /// KEYS: bucket. ARGV: rate per second, burst, floor, requested.
    /// Returns {granted, retry after in µs}.
    /// </summary>
    public const string Acquire = Bucket + """

        local requested = tonumber(ARGV[4])
        local granted, tokens = take(KEYS[1], requested)
        local retry = 0
        if granted < requested then
          local room = math.max(1, math.floor(burst - floor + 1e-9))
          local deficit = floor + math.min(requested - granted, room) - tokens
          retry = math.ceil(math.max(0, deficit) / rate * 1000000)
        end
        return {granted, retry}
        """;

    /// <summary>
    /// KEYS: one bucket per recipient. ARGV: rate per second, burst, floor.
    /// Returns one byte per key: 1 granted, 0 refused.
    /// </summary>
    public const string AcquireEach = Bucket + """

        local out = {}
        for i = 1, #KEYS do
          out[i] = take(KEYS[i], 1)
        end
        local parts = {}
        for first = 1, #KEYS, 1000 do
          parts[#parts + 1] = string.char(unpack(out, first, math.min(first + 999, #KEYS)))
        end
        return table.concat(parts)
        """;
}
