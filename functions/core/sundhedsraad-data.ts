// Generated from registry/sundhedsraad.csv by local/sundhedsraad.ts: edit the CSV, not this file.
import type { HealthCouncilRow } from '#core/health-councils';

export const HEALTH_COUNCIL_ROWS: readonly HealthCouncilRow[] = [
  {
    "id": "sundhedsraad-amager-og-vestegnen",
    "name": "Sundhedsråd Amager og Vestegnen",
    "validFrom": "2027-01-01",
    "regionId": "region-oestdanmark",
    "municipalityCode": "165",
    "municipalityName": "Albertslund",
    "source": "Region Østdanmark, pressemeddelelse 19.01.2026 \"Behandling skal rykke tættere på borgerne i Sundhedsråd Amager og Vestegnen\", https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen"
  },
  {
    "id": "sundhedsraad-amager-og-vestegnen",
    "name": "Sundhedsråd Amager og Vestegnen",
    "validFrom": "2027-01-01",
    "regionId": "region-oestdanmark",
    "municipalityCode": "153",
    "municipalityName": "Brøndby",
    "source": "Region Østdanmark, pressemeddelelse 19.01.2026 \"Behandling skal rykke tættere på borgerne i Sundhedsråd Amager og Vestegnen\", https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen"
  },
  {
    "id": "sundhedsraad-amager-og-vestegnen",
    "name": "Sundhedsråd Amager og Vestegnen",
    "validFrom": "2027-01-01",
    "regionId": "region-oestdanmark",
    "municipalityCode": "155",
    "municipalityName": "Dragør",
    "source": "Region Østdanmark, pressemeddelelse 19.01.2026 \"Behandling skal rykke tættere på borgerne i Sundhedsråd Amager og Vestegnen\", https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen"
  },
  {
    "id": "sundhedsraad-amager-og-vestegnen",
    "name": "Sundhedsråd Amager og Vestegnen",
    "validFrom": "2027-01-01",
    "regionId": "region-oestdanmark",
    "municipalityCode": "161",
    "municipalityName": "Glostrup",
    "source": "Region Østdanmark, pressemeddelelse 19.01.2026 \"Behandling skal rykke tættere på borgerne i Sundhedsråd Amager og Vestegnen\", https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen"
  },
  {
    "id": "sundhedsraad-amager-og-vestegnen",
    "name": "Sundhedsråd Amager og Vestegnen",
    "validFrom": "2027-01-01",
    "regionId": "region-oestdanmark",
    "municipalityCode": "167",
    "municipalityName": "Hvidovre",
    "source": "Region Østdanmark, pressemeddelelse 19.01.2026 \"Behandling skal rykke tættere på borgerne i Sundhedsråd Amager og Vestegnen\", https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen"
  },
  {
    "id": "sundhedsraad-amager-og-vestegnen",
    "name": "Sundhedsråd Amager og Vestegnen",
    "validFrom": "2027-01-01",
    "regionId": "region-oestdanmark",
    "municipalityCode": "169",
    "municipalityName": "Høje-Taastrup",
    "source": "Region Østdanmark, pressemeddelelse 19.01.2026 \"Behandling skal rykke tættere på borgerne i Sundhedsråd Amager og Vestegnen\", https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen"
  },
  {
    "id": "sundhedsraad-amager-og-vestegnen",
    "name": "Sundhedsråd Amager og Vestegnen",
    "validFrom": "2027-01-01",
    "regionId": "region-oestdanmark",
    "municipalityCode": "183",
    "municipalityName": "Ishøj",
    "source": "Region Østdanmark, pressemeddelelse 19.01.2026 \"Behandling skal rykke tættere på borgerne i Sundhedsråd Amager og Vestegnen\", https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen"
  },
  {
    "id": "sundhedsraad-amager-og-vestegnen",
    "name": "Sundhedsråd Amager og Vestegnen",
    "validFrom": "2027-01-01",
    "regionId": "region-oestdanmark",
    "municipalityCode": "185",
    "municipalityName": "Tårnby",
    "source": "Region Østdanmark, pressemeddelelse 19.01.2026 \"Behandling skal rykke tættere på borgerne i Sundhedsråd Amager og Vestegnen\", https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen"
  },
  {
    "id": "sundhedsraad-amager-og-vestegnen",
    "name": "Sundhedsråd Amager og Vestegnen",
    "validFrom": "2027-01-01",
    "regionId": "region-oestdanmark",
    "municipalityCode": "187",
    "municipalityName": "Vallensbæk",
    "source": "Region Østdanmark, pressemeddelelse 19.01.2026 \"Behandling skal rykke tættere på borgerne i Sundhedsråd Amager og Vestegnen\", https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen"
  }
];
