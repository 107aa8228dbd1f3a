// Identity resolution: normalizers first (in progress).
