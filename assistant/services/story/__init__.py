"""Story: the profile, the pitch studio, the sounding board and resume review."""
