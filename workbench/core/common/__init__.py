"""What every part of core uses: typed errors, cancel and progress, paths, atomic storage, bounded JSON, suggestions."""
