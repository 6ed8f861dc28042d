// Generated from openapi.json by scripts/generate-web-client.mjs (npm run openapi). Do not edit.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and readiness: 200 when the database answers, 503 otherwise. No login needed. */
        get: operations["Health_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authority's audit log, newest first; filter by entity, action, actor or period (Berlin days). Office users only. */
        get: operations["Audit_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchanges email and password for a bearer token. Rate-limited per client IP and per account
         *     (429 with `Retry-After` in seconds). For the web app it also sets the session as an HttpOnly, SameSite=Strict
         *     cookie (Secure over https); writes with that cookie need the `X-Requested-With` header.
         */
        post: operations["Auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ends the caller's sessions: this token and every other token of the same user stop working at once.
         *     Also clears the web app's session cookie.
         */
        post: operations["Auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: role, authority and (for coordinators) schools. */
        get: operations["Auth_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Changes the caller's own password and ends all their sessions, this one included: log in again with the new one.
         *     Rate-limited per user (429 with `Retry-After`).
         */
        post: operations["Auth_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every authority on the platform. Platform admins only. */
        get: operations["Authorities_list"];
        put?: never;
        /** Registers a new school authority (tenant). Then create its first office user at POST /users. */
        post: operations["Authorities_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One authority with its settings. Platform admins only. */
        get: operations["Authorities_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Renames an authority or changes its kind or state. Platform admins only. */
        patch: operations["Authorities_update"];
        trace?: never;
    };
    "/api/v1/authorities/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own school authority, with its settings. */
        get: operations["Authorities_current"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coverage indicators of every school the caller sees (coordinators: their own), worst first by the chosen indicator. */
        get: operations["Coverage_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coverage.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The coverage of every school the caller sees, sorted like `GET /coverage`, with totals. */
        get: operations["ReportExports_coverageXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coverage/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The targets, replacement ages and unit prices coverage is measured against (the authority's values over the defaults). */
        get: operations["Coverage_settings"];
        /** Changes targets, replacement ages or unit prices; keys left out keep their value. */
        put: operations["Coverage_updateSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The devices the caller may see, filtered, sorted and paged by cursor (no total count: pages stay fast at any size). */
        get: operations["Devices_list"];
        put?: never;
        /** Registers a device at one of the caller's schools; its history starts with `created`. */
        post: operations["Devices_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One device with its school and the current loan; devices of other schools answer 404. */
        get: operations["Devices_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Changes the device's data; send the version you read (409 STALE_VERSION when someone was faster). */
        patch: operations["Devices_update"];
        trace?: never;
    };
    "/api/v1/devices/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The device's life-cycle history (created, status changes, moves, loans), newest first. */
        get: operations["Devices_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Moves the device to another school of the authority (kept in its history). */
        post: operations["Devices_move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A manual status change (in use, in repair, lost, retired with date and reason, back to available). Loans set `loaned`. */
        post: operations["Devices_changeStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/by-tag/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scan-first: the device with this inventory number or serial number, in one call (for a barcode scanner). */
        get: operations["Devices_byTag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Imports a supplier's delivery list (.xlsx or .csv, German or English headings, German number and date formats).
         *     `dryRun=true` only validates and reports per row; a real import writes all new rows or none (400 with the report).
         *     Rows already in the inventory are reported as duplicates and skipped.
         */
        post: operations["Devices_importFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/inventory.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The device inventory as an Excel file: the same filters, scope and order as `GET /devices`, every page at once. */
        get: operations["Exports_inventoryXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/loans.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The loans as an Excel file, with the filters of `GET /loans`. Borrowers' personal fields (name, reference,
         *     guardian, notes) are columns only for the school's coordinators; the office's file has none.
         */
        get: operations["Exports_loansXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grants with their spent and remaining money; deadlines within the warning window are flagged. Coordinators: grants touching their schools. */
        get: operations["Grants_list"];
        put?: never;
        /** Creates a grant of the authority (office only). */
        post: operations["Grants_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants/{grantId}/expenditures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders and invoices of the grant by order date, with each line's funded and own share (coordinators: their schools). */
        get: operations["Expenditures_list"];
        put?: never;
        /** Records an order or invoice. Spending beyond the school's allocation or the grant needs `overrideBudget` with a reason. */
        post: operations["Expenditures_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants/{grantId}/expenditures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order or invoice with its funded and own share and the devices it bought. */
        get: operations["Expenditures_get"];
        put?: never;
        post?: never;
        /** Deletes an expenditure of a grant that is not read-only; its devices become unlinked. */
        delete: operations["Expenditures_remove"];
        options?: never;
        head?: never;
        /** Changes an expenditure; `deviceIds` replaces the list of devices it bought. */
        patch: operations["Expenditures_update"];
        trace?: never;
    };
    "/api/v1/grants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One grant with its spent and remaining money. */
        get: operations["Grants_get"];
        put?: never;
        post?: never;
        /** Deletes a planned or approved grant without expenditures. */
        delete: operations["Grants_remove"];
        options?: never;
        head?: never;
        /** Changes a grant or its status (planned → approved → reported → closed; reported → approved reopens). Reported and closed grants accept only status and notes. */
        patch: operations["Grants_update"];
        trace?: never;
    };
    "/api/v1/grants/{id}/allocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The budget share of each school (coordinators: their schools). */
        get: operations["Grants_listAllocations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants/{id}/allocations/{schoolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets a school's allocation; the allocations together may not exceed the approved amount. */
        put: operations["Grants_setAllocation"];
        post?: never;
        /** Removes a school's allocation (refused while the school has spending on the grant). */
        delete: operations["Grants_removeAllocation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants/{id}/report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The proof of use (Verwendungsnachweis) of a grant: Übersicht (facts, totals as formulas, one row per school),
         *     Belegliste (every invoice with funded and own share), Inventarliste (devices bought with the grant) and
         *     Prüfhinweise (the summary's warnings and missing invoices or device links). `asOf`: the reporting date.
         */
        get: operations["ReportExports_grantReportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approved, allocated, committed, paid, funded and own share, remaining; per school and category; warnings. */
        get: operations["Grants_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authority's grant settings: deadline warning window and configured category-share rules. */
        get: operations["Grants_settings"];
        /** Changes the deadline warning window or the configured category-share rules (office only). */
        put: operations["Grants_updateSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/labels.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Labels as a PDF (Etiketten drucken): per device its inventory number as text, QR code and Code 128, the owner
         *     ("Eigentum der Stadt …") and the school. For device ids or the device list's filters; the devices are then
         *     marked as labelled (`labelledAt`). At most 10,000 labels per PDF.
         */
        post: operations["Labels_pdf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/labels/formats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The label stock the PDF can be printed on (sizes in mm). */
        get: operations["Labels_formats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The licence list (contracts, cost per school, products with their data-protection status) of the caller's view. */
        get: operations["LicencesExport_licencesXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Licence contracts in the caller's view (coordinators: their schools'), by product name, with seat sums and the last day to cancel. */
        get: operations["Licences_listContracts"];
        put?: never;
        /** Records a licence contract of a product. */
        post: operations["Licences_createContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One licence contract with its seat sums and the last day to cancel. */
        get: operations["Licences_getContract"];
        put?: never;
        post?: never;
        /** Deletes a licence contract. */
        delete: operations["Licences_removeContract"];
        options?: never;
        head?: never;
        /** Changes a licence contract. */
        patch: operations["Licences_updateContract"];
        trace?: never;
    };
    "/api/v1/licences/contracts/{id}/seats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The seats per school (coordinators: their schools'), by school name. */
        get: operations["Licences_listSeats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences/contracts/{id}/seats/{schoolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assigns seats of the contract to a school; all schools together at most the seats bought. */
        put: operations["Licences_assignSeats"];
        post?: never;
        /** Takes a school off the contract's seats list. */
        delete: operations["Licences_removeSeats"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences/contracts/{id}/seats/{schoolId}/use": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The school enters how many seats it uses (coordinators for their schools). */
        put: operations["Licences_setUse"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences/contracts/{id}/usage-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The vendor's usage export (.xlsx or .csv with a column "Schulnummer" and one "genutzt"/"aktive Nutzer"), matched by
         *     school number. `dryRun=true` only reports.
         */
        post: operations["Licences_importUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authority's licence catalogue (products with their data-protection status), by name. */
        get: operations["Licences_listProducts"];
        put?: never;
        /** Adds a product to the catalogue (office only). */
        post: operations["Licences_createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One product of the authority's catalogue. */
        get: operations["Licences_getProduct"];
        put?: never;
        post?: never;
        /** Deletes a product without contracts. */
        delete: operations["Licences_removeProduct"];
        options?: never;
        head?: never;
        /** Changes a product of the catalogue. */
        patch: operations["Licences_updateProduct"];
        trace?: never;
    };
    "/api/v1/licences/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The warning thresholds of the authority. */
        get: operations["Licences_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Changes the warning thresholds (office only). */
        patch: operations["Licences_updateSettings"];
        trace?: never;
    };
    "/api/v1/licences/warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Warnings of the caller's licences: deadlines, seats, use, data protection (stable codes with params). */
        get: operations["Licences_warnings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loans by due date; personal fields only for the school's coordinators. */
        get: operations["Loans_list"];
        put?: never;
        /** Lends an available device; it becomes `loaned`. */
        post: operations["Loans_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One loan; personal fields only for the school's coordinators. */
        get: operations["Loans_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/{id}/agreement-signed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records that the signed agreement is on file (after the loan was made). Send the loan's `version`; audited. */
        post: operations["Loans_markAgreementSigned"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/{id}/agreement.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The printable loan agreement (Leihvertrag, PDF). Borrower fields are printed for the school's coordinators, blank for others. */
        get: operations["Loans_agreement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sets a new due date. */
        post: operations["Loans_extend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Takes the device back: `ok` makes it available, `damaged`/`defective` sends it to repair, `lost` books it as lost. */
        post: operations["Loans_return"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/agreements.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The agreements (Leihverträge) of several loans in one PDF, one agreement after the other in the order given:
         *     e.g. a whole class after a bulk lending. Borrower fields as for a single agreement. Any loan id the caller may not see: 404.
         */
        post: operations["Loans_agreements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lends a list of scanned devices to a list of borrowers; every item succeeds or fails on its own. */
        post: operations["Loans_bulkLend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/bulk-return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Takes a list of scanned devices back; every item succeeds or fails on its own. */
        post: operations["Loans_bulkReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/erasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Right to erasure: erases a borrower's personal data from all their returned loans of a school at once. Running
         *     loans keep theirs until the return (then the retention period applies); the answer does not say whether there are any.
         */
        post: operations["Loans_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authority's loan settings: default due date, retention period, agreement texts (defaults filled in). */
        get: operations["Loans_getSettings"];
        /** Changes the loan settings (fields left out stay as they are). Office users only. */
        put: operations["Loans_updateSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Needs requests the caller sees (coordinators: their schools'), newest first. */
        get: operations["Needs_list"];
        put?: never;
        /** Starts a request as a draft (coordinators for their own schools; the office for any). */
        post: operations["Needs_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/needs.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The needs (requests of the schools) with the filters of `GET /needs`, newest first, with totals. */
        get: operations["ReportExports_needsXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/needs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One needs request the caller may see. */
        get: operations["Needs_get"];
        put?: never;
        post?: never;
        /** Deletes a draft. */
        delete: operations["Needs_remove"];
        options?: never;
        head?: never;
        /** Changes a draft. */
        patch: operations["Needs_update"];
        trace?: never;
    };
    "/api/v1/needs/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The office's decision: approved, partially_approved (with quantity and amount) or rejected (with a reason). */
        post: operations["Needs_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/needs/{id}/link-grant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Links an approved request to the grant that funds it; `grantId: null` removes the link. */
        post: operations["Needs_linkGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/needs/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hands a draft to the education office. */
        post: operations["Needs_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/needs/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Takes a submitted request back to draft, before the office decides. */
        post: operations["Needs_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The schools the caller may see (coordinators: their own), by name. */
        get: operations["Schools_list"];
        put?: never;
        /** Registers a school of the authority; the school number is unique in it (409 otherwise). */
        post: operations["Schools_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schools/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One school the caller may see; others answer 404. */
        get: operations["Schools_get"];
        put?: never;
        post?: never;
        /** Deletes a school without devices or other records. */
        delete: operations["Schools_remove"];
        options?: never;
        head?: never;
        /** Coordinators update their own schools' figures; name, number and type are the office's. */
        patch: operations["Schools_update"];
        trace?: never;
    };
    "/api/v1/schools/{id}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coverage indicators of one school. */
        get: operations["SchoolCoverage_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schools/names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ids and names of the schools the caller may see, by name, up to 5,000 a page (the web app's school pickers). */
        get: operations["Schools_names"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/site": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The installation's contact for accessibility feedback and its legal links. No login needed. */
        get: operations["Site_site"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The authority at a glance: devices by type and status, loans, coverage, needs requests and grant budgets.
         *     For the education office and viewers; coordinators use their schools' coverage and lists instead.
         */
        get: operations["Stats_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stocktakings (Inventuren) the caller sees, newest first. */
        get: operations["Stocktakings_list"];
        put?: never;
        /** Starts a stocktaking of a school (or some of its rooms): the devices in service there now are the expected list. */
        post: operations["Stocktakings_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One stocktaking with its progress per room (expected, found, missing so far, found elsewhere, unknown). */
        get: operations["Stocktakings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakings/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Closes the stocktaking: missing devices are marked lost (life cycle, earmarking check; confirm with
         *     `confirmEarmarkingBreach`) or kept open, per device (`decisions`) or for all (`missing`). Closed cannot change.
         */
        post: operations["Stocktakings_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakings/{id}/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stocktaking list (Inventurliste, German): per room expected, found, found elsewhere, missing, unknown;
         *     who counted when; lines for the counting persons' signatures; and every device with its result.
         */
        get: operations["ReportExports_stocktakingXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakings/{id}/missing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Expected devices not found (yet), by inventory number. */
        get: operations["Stocktakings_missing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakings/{id}/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scans, newest first (the live list). */
        get: operations["Stocktakings_scans"];
        put?: never;
        /**
         * A scan (inventory or serial number, case-insensitive): found, found elsewhere (`move: true` moves it here in the
         *     same step), unknown (`createDevice` registers it), or duplicate. Several people may scan at once.
         */
        post: operations["Stocktakings_scan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakings/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The schools by their last complete count: which are due (never counted, or longer ago than the interval). */
        get: operations["Stocktakings_due"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocktakings/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How often schools must be counted (the authority's interval, default 5 years). */
        get: operations["Stocktakings_settings"];
        /** Changes the counting interval (office only). */
        put: operations["Stocktakings_updateSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users of the caller's authority (platform admins: all, or one authority's). */
        get: operations["Users_list"];
        put?: never;
        /** Creates a user. Office users create office, coordinator and viewer users of their own authority. */
        post: operations["Users_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user of the caller's authority (platform admins: any). */
        get: operations["Users_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Changes name, role, password, or deactivates a user. */
        patch: operations["Users_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/schools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replaces the schools a coordinator looks after. */
        put: operations["Users_setSchools"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AgreementClauseDto: {
            /** @description `{retentionDays}` is replaced by the configured retention period. */
            text: string;
            /** @example Sorgfaltspflichten */
            title: string;
        };
        AgreementsPdfDto: {
            /** @description The loans whose agreements go into the file, in this order (e.g. the `loanId`s of a class's bulk lending), at most 500. */
            loanIds: string[];
        };
        AllocationDto: {
            amountCents: number;
            /** @description Committed (ordered) at this school. */
            committedCents: number;
            note: string | null;
            remainingCents: number;
            schoolId: string;
            schoolName: string;
            schoolNumber: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AuditEntryDto: {
            action: string;
            actorEmail: string | null;
            actorId: string | null;
            changes: {
                fields?: {
                    [key: string]: unknown;
                };
                meta?: {
                    [key: string]: unknown;
                };
            };
            /** Format: date-time */
            createdAt: string;
            entityId: string | null;
            entityType: string;
            id: number;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            nextCursor: string | null;
        };
        AuthorityDto: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            kind: components["schemas"]["AuthorityKind"];
            name: string;
            /** @description Feature settings (loan agreement texts, replacement ages, unit prices, …). */
            settings: {
                [key: string]: unknown;
            };
            slug: string;
            state: string | null;
        };
        /** @enum {string} */
        AuthorityKind: "city" | "district" | "other";
        /** @enum {string} */
        BorrowerKind: "student" | "teacher";
        BroadbandDto: {
            mbps: number | null;
            mbpsPerClass: number | null;
            /** @description Null when the bandwidth is not recorded. */
            meetsTarget: boolean | null;
            /** @description At least the served bandwidth per class; null when not recorded. */
            served: boolean | null;
            targetMbps: number;
        };
        BulkItemErrorDto: {
            details?: {
                [key: string]: unknown;
            };
            error: string;
            fieldErrors?: components["schemas"]["FieldErrorDto"][];
            message: string;
            params?: {
                [key: string]: unknown;
            };
            /** @description The specific reason; its German text: src/i18n/messages.ts. */
            reason?: string;
            statusCode: number;
        };
        BulkItemResultDto: {
            deviceStatus?: (string & components["schemas"]["DeviceStatus"]) | null;
            error: components["schemas"]["BulkItemErrorDto"] | null;
            /** @description Position in the request's `items`. */
            index: number;
            inventoryNumber: string;
            loanId: string | null;
            ok: boolean;
        };
        BulkLendDto: {
            /**
             * @description Accessories handed out: `charger`, `case`, `pen`, `keyboard`, `mouse`, `headphones` or free text.
             * @example [
             *       "charger",
             *       "case"
             *     ]
             */
            accessories?: string[];
            /** @description Whether the signed loan agreement (Leihvertrag) is on file. */
            agreementSigned?: boolean;
            /**
             * @description Default for items without one.
             * @default student
             */
            borrowerKind: components["schemas"]["BorrowerKind"];
            /**
             * Format: date
             * @description Defaults to the end of the school year (loan settings, `defaultDueMonthDay`).
             * @example 2025-08-01
             */
            dueOn?: string;
            /** @description Device and borrower pairs, at most 500. */
            items: components["schemas"]["BulkLendItemDto"][];
            /**
             * Format: uuid
             * @description Only devices of this school (the counter's school).
             */
            schoolId?: string;
            /**
             * Format: date
             * @description Defaults to today.
             * @example 2025-08-01
             */
            startedOn?: string;
        };
        BulkLendItemDto: {
            /**
             * @description Accessories handed out: `charger`, `case`, `pen`, `keyboard`, `mouse`, `headphones` or free text.
             * @example [
             *       "charger",
             *       "case"
             *     ]
             */
            accessories?: string[];
            /** @description Whether the signed loan agreement (Leihvertrag) is on file. */
            agreementSigned?: boolean;
            /**
             * @description Class or course.
             * @example 7b
             */
            borrowerClass?: string;
            /** @description Defaults to the batch's `borrowerKind`. */
            borrowerKind?: components["schemas"]["BorrowerKind"];
            /** @description Name of the student or teacher. Personal data: only the school's coordinators see it. */
            borrowerName: string;
            /**
             * @description The school's own reference, e.g. the student number. Personal data.
             * @example S-2024-0815
             */
            borrowerReference?: string;
            /**
             * Format: date
             * @description Defaults to the end of the school year (loan settings, `defaultDueMonthDay`).
             * @example 2025-08-01
             */
            dueOn?: string;
            /** @description Guardian of a minor who signs the agreement. Personal data. */
            guardianName?: string;
            /**
             * @description The scanned inventory number.
             * @example MS-2024-00042
             */
            inventoryNumber: string;
            /** @description Free text. Treated as personal data (only the school's coordinators see it; erased with the borrower's data). */
            notes?: string;
            /**
             * Format: date
             * @description Defaults to today.
             * @example 2025-08-01
             */
            startedOn?: string;
        };
        BulkResultDto: {
            failed: number;
            results: components["schemas"]["BulkItemResultDto"][];
            succeeded: number;
        };
        BulkReturnDto: {
            /** @description Scanned devices, at most 500. */
            items: components["schemas"]["BulkReturnItemDto"][];
            /**
             * Format: date
             * @description Defaults to today.
             * @example 2025-08-01
             */
            returnedOn?: string;
            /** Format: uuid */
            schoolId?: string;
        };
        BulkReturnItemDto: {
            /**
             * @description Defaults to `ok`.
             * @default ok
             */
            condition: components["schemas"]["ReturnCondition"];
            confirmEarmarkingBreach?: boolean;
            inventoryNumber: string;
            notes?: string;
        };
        CategoryShareRuleDto: {
            category: string;
            label?: string;
            /** @example 30 */
            maxSharePercent: number;
            program?: components["schemas"]["GrantProgram"];
            /** @enum {string} */
            scope: "school" | "grant";
        };
        CategorySummaryDto: {
            category: components["schemas"]["ExpenditureCategory"];
            committedCents: number;
            /** @description Funded share of the committed money (sum of the per-line shares). */
            fundedCents: number;
            ownCents: number;
            paidCents: number;
            paidFundedCents: number;
            paidOwnCents: number;
        };
        ChangeDeviceStatusDto: {
            /** @description Confirms a warning such as retiring a funded device inside its earmarking period. */
            confirmEarmarkingBreach?: boolean;
            /**
             * @description Why; required when retiring (Aussonderungsgrund).
             * @example Displayschaden, Reparatur unwirtschaftlich
             */
            reason?: string;
            /**
             * Format: date
             * @description Date of retirement (ausgesondert am); defaults to today. Only with `retired`.
             * @example 2025-08-01
             */
            retiredOn?: string;
            /** @enum {string} */
            status: "available" | "in_use" | "in_repair" | "retired" | "lost";
            /** @description The version you read (optional here: a status change is checked against the current status anyway). */
            version?: number;
        };
        ChangePasswordDto: {
            currentPassword: string;
            /** @description At least 12 characters. */
            newPassword: string;
        };
        CloseStocktakingDto: {
            /** @description Confirms marking funded devices lost inside their earmarking period (Zweckbindungsfrist). */
            confirmEarmarkingBreach?: boolean;
            /** @description Decisions per missing device. */
            decisions?: components["schemas"]["MissingDecisionDto"][];
            /**
             * @description What happens to missing devices without their own decision (default: keep open).
             * @default keep_open
             */
            missing: components["schemas"]["StocktakingMissingAction"];
        };
        ContractDto: {
            allSchools: boolean;
            autoRenewal: boolean;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date
             * @description The end of the term in force today (after automatic renewals).
             */
            currentTermEnd: string;
            expenditureId: string | null;
            /** @description The invoice number of the linked expenditure. */
            expenditureInvoiceNumber: string | null;
            /** @description The grant of the linked expenditure. */
            grantId: string | null;
            grantTitle: string | null;
            id: string;
            invoiceReference: string | null;
            /**
             * Format: date
             * @description The last day to cancel the term in force (end minus notice period); null without automatic renewal.
             */
            lastDayToCancel: string | null;
            licenceModel: components["schemas"]["LicenceModel"];
            notes: string | null;
            noticePeriod: number | null;
            noticeUnit: (string & components["schemas"]["LicenceNoticeUnit"]) | null;
            oneOffCents: number;
            orderReference: string | null;
            productId: string;
            productKind: components["schemas"]["LicenceProductKind"];
            productName: string;
            renewalMonths: number;
            /** @description Schools taking part (rows of the seats list). */
            schools: number;
            /** @description Seats assigned to schools (a coordinator, or a list filtered by school: those schools' only). */
            seatsAssigned: number;
            seatsBought: number;
            /** @description Seats in use as reported, summed over the schools that reported; null when none did. */
            seatsInUse: number | null;
            /** Format: date */
            termEnd: string;
            /** Format: date */
            termStart: string;
            /** Format: date-time */
            updatedAt: string;
            vendor: string;
            version: number;
            yearlyCents: number;
        };
        ContractPageDto: {
            items: components["schemas"]["ContractDto"][];
            nextCursor: string | null;
        };
        CountDueDto: {
            countIntervalYears: number;
            /** @description The schools the caller sees, due ones first (never counted, then the oldest count), then by name. */
            schools: components["schemas"]["SchoolCountStatusDto"][];
        };
        CoverageLicencesSummaryDto: {
            /** @description Student seats per student (two decimals); null without students. */
            seatsPerStudent: number | null;
            /** @description Seats of running student-facing contracts assigned to the schools. */
            studentSeats: number;
            warnings: components["schemas"]["LicenceWarningCountsDto"];
            /** @description The yearly cost of the running contracts (the schools' shares summed). */
            yearlyCostCents: number;
            /** @description That cost per student, to the cent; null without students. */
            yearlyCostPerStudentCents: number | null;
        };
        CoveragePageDto: {
            /** @description The day ages were measured on. */
            asOf: string;
            items: components["schemas"]["SchoolCoverageDto"][];
            nextCursor: string | null;
        };
        CoverageSettingsDto: {
            /** @description Mbit/s per class from which a school counts as served. */
            broadbandServedMbpsPerClass: number;
            /** @description Broadband target of a school in Mbit/s (the Gigabit target). */
            broadbandTargetMbps: number;
            /** @description Age in whole years at which a device is due for replacement, by device type. */
            replacementAgeYears: {
                [key: string]: number;
            };
            /** @description The device type a missing student device is priced as. */
            studentDeviceType: components["schemas"]["PersonalDeviceType"];
            /** @description Students per student device the authority aims for, by school type (2 = one device per two students). */
            studentsPerDeviceTarget: {
                [key: string]: number;
            };
            /** @description The device type a missing teacher device is priced as. */
            teacherDeviceType: components["schemas"]["PersonalDeviceType"];
            /** @description Teachers per teacher device (1 = every teacher has one). */
            teachersPerDeviceTarget: number;
            /** @description Estimated unit price in cents (gross, incl. accessories), by device type. */
            unitPriceCents: {
                [key: string]: number;
            };
            /** @description Share of classrooms with WLAN the authority aims for. */
            wlanTargetPercent: number;
        };
        /** @enum {string} */
        CoverageSort: "studentsPerDevice" | "studentShortfall" | "teachersPerDevice" | "teacherShortfall" | "shortfallCost" | "pastReplacementAge" | "replacementCost" | "inRepair" | "lost" | "broadband" | "broadbandPerClass" | "wlan" | "lastCompleteCount" | "name" | "schoolNumber";
        CoverageSummaryDto: {
            inRepair: number;
            licences: components["schemas"]["CoverageLicencesSummaryDto"];
            lost: number;
            /** @description Devices in service at or past their replacement age. */
            pastReplacementAge: number;
            replacementCostCents: number;
            schools: number;
            schoolsBelowBroadbandTarget: number;
            schoolsBelowStudentTarget: number;
            schoolsBelowTeacherTarget: number;
            schoolsBelowWlanTarget: number;
            /** @description Schools below the served bandwidth per class. */
            schoolsNotServed: number;
            /** @description Schools whose broadband or WLAN figure is not recorded. */
            schoolsWithUnknownInfrastructure: number;
            /** @description Estimated cost of the missing student and teacher devices. */
            shortfallCostCents: number;
            studentDevices: number;
            studentDeviceShortfall: number;
            students: number;
            /** @description Authority-wide students per student device; null when there is none. */
            studentsPerDevice: number | null;
            teacherDevices: number;
            teacherDeviceShortfall: number;
            teachers: number;
        };
        CreateAuthorityDto: {
            /** @default city */
            kind: components["schemas"]["AuthorityKind"];
            name: string;
            /**
             * @description URL-safe short name, unique on the platform.
             * @example musterstadt
             */
            slug: string;
            /**
             * @description Two-letter German state code.
             * @example NW
             */
            state?: string;
        };
        CreateContractDto: {
            /** @description true: for every school of the authority; false: for the schools in `schoolIds`. */
            allSchools: boolean;
            /** @description The contract renews itself unless cancelled by the last day to cancel (needs a notice period). */
            autoRenewal?: boolean;
            /**
             * Format: uuid
             * @description The grant expenditure (Rechnung) that paid for the licence: it then shows in that grant's summary and Belegliste.
             */
            expenditureId?: string | null;
            /** @description Invoice reference (Rechnungsnummer). */
            invoiceReference?: string | null;
            licenceModel: components["schemas"]["LicenceModel"];
            notes?: string | null;
            /**
             * @description The notice period (Kündigungsfrist), in `noticeUnit`, before the end of the term.
             * @example 3
             */
            noticePeriod?: number | null;
            noticeUnit?: (string & components["schemas"]["LicenceNoticeUnit"]) | null;
            /**
             * @description One-off cost in cents (set-up, first purchase).
             * @default 0
             */
            oneOffCents: number;
            /** @description Order reference (Bestellnummer). */
            orderReference?: string | null;
            /** Format: uuid */
            productId: string;
            /**
             * @description Length of each renewed term in months; default 12.
             * @default 12
             */
            renewalMonths: number;
            /** @description The schools of a contract for given schools (required then, not allowed for an authority-wide one). */
            schoolIds?: string[];
            /**
             * @description Seats (Plätze) bought.
             * @example 1200
             */
            seatsBought: number;
            /**
             * Format: date
             * @description The last day of the (first) term.
             * @example 2025-08-01
             */
            termEnd: string;
            /**
             * Format: date
             * @example 2025-08-01
             */
            termStart: string;
            /**
             * @description Cost per year in cents.
             * @default 0
             */
            yearlyCents: number;
        };
        CreateDeviceDto: {
            /**
             * Format: date
             * @description Inbetriebnahme: the earmarking period of a funded device counts from here.
             * @example 2025-08-01
             */
            commissionedOn?: string | null;
            /**
             * @description Unique within the authority.
             * @example MS-GYM-2024-0042
             */
            inventoryNumber: string;
            /**
             * @description Room or place.
             * @example Raum 204
             */
            location?: string | null;
            /** @example Lenovo */
            manufacturer: string;
            model: string;
            notes?: string | null;
            /** @example Windows 11 Education */
            operatingSystem?: string | null;
            /**
             * Format: date
             * @example 2025-08-01
             */
            purchaseDate?: string | null;
            /**
             * @description Purchase price in cents (gross).
             * @example 64900
             */
            purchasePriceCents?: number | null;
            /** Format: uuid */
            schoolId: string;
            /**
             * @description Unique per manufacturer within the authority.
             * @example PF3XK9ZQ
             */
            serialNumber?: string | null;
            /**
             * @description Defaults to `available`.
             * @default available
             * @enum {string}
             */
            status: "available" | "in_use" | "in_repair";
            type: components["schemas"]["DeviceType"];
            /**
             * Format: date
             * @example 2025-08-01
             */
            warrantyUntil?: string | null;
        };
        CreateExpenditureDto: {
            category: components["schemas"]["ExpenditureCategory"];
            description: string;
            /** @description The inventory devices this expenditure bought (replaces the list on update). A device belongs to at most one expenditure. */
            deviceIds?: string[];
            /**
             * @description Gross amount in cents.
             * @example 1797000
             */
            grossCents: number;
            /**
             * Format: date
             * @description Invoice date; must lie within the grant's eligible period.
             * @example 2025-08-01
             */
            invoiceDate?: string | null;
            /**
             * @description Invoice number; together with `invoiceDate`.
             * @example RE-2024-00817
             */
            invoiceNumber?: string | null;
            /**
             * Format: date
             * @description Date of the order (the commitment).
             * @example 2025-08-01
             */
            orderDate: string;
            /** @description Accept spending beyond the school's allocation or the grant (office decision, kept in the audit log). */
            overrideBudget?: boolean;
            /** @description Why the budget is overridden; required with `overrideBudget`. */
            overrideReason?: string;
            /**
             * Format: date
             * @description Payment date; needs an invoice.
             * @example 2025-08-01
             */
            paidOn?: string | null;
            /**
             * Format: uuid
             * @description The school the money was spent for (its allocation is charged).
             */
            schoolId: string;
            vendor: string;
        };
        CreateGrantDto: {
            /**
             * @description Approved budget of eligible spending in cents (funded and own share together).
             * @example 150000000
             */
            approvedCents: number;
            /**
             * Format: date
             * @description Date of the funding decision (Bewilligungsbescheid).
             * @example 2025-08-01
             */
            decisionDate?: string | null;
            /**
             * @description Earmarking period in years (Zweckbindungsfrist), counted from commissioning.
             * @default 5
             */
            earmarkingYears: number;
            /**
             * @description Earmarking years by device type, overriding `earmarkingYears`.
             * @example {
             *       "laptop": 3,
             *       "tablet": 3
             *     }
             */
            earmarkingYearsByType?: {
                [key: string]: number;
            };
            /**
             * Format: date
             * @description First day of the eligible spending period.
             * @example 2025-08-01
             */
            eligibleFrom: string;
            /**
             * Format: date
             * @description Last day of the eligible spending period (invoices must be dated within).
             * @example 2025-08-01
             */
            eligibleUntil: string;
            /**
             * @description Funding rate in percent, at most two decimals; the rest is the authority's own share.
             * @example 90
             */
            fundingRatePercent: number;
            notes?: string | null;
            program: components["schemas"]["GrantProgram"];
            /**
             * Format: date
             * @description Due date of the proof of use (Verwendungsnachweis).
             * @example 2025-08-01
             */
            proofDueOn?: string | null;
            /**
             * @description The funder's reference number (Aktenzeichen), unique in the authority.
             * @example 48.01-DP-2020-117
             */
            referenceNumber?: string | null;
            /** @default planned */
            status: components["schemas"]["GrantStatus"];
            title: string;
        };
        CreateLoanDto: {
            /**
             * @description Accessories handed out: `charger`, `case`, `pen`, `keyboard`, `mouse`, `headphones` or free text.
             * @example [
             *       "charger",
             *       "case"
             *     ]
             */
            accessories?: string[];
            /** @description Whether the signed loan agreement (Leihvertrag) is on file. */
            agreementSigned?: boolean;
            /**
             * @description Class or course.
             * @example 7b
             */
            borrowerClass?: string;
            borrowerKind: components["schemas"]["BorrowerKind"];
            /** @description Name of the student or teacher. Personal data: only the school's coordinators see it. */
            borrowerName: string;
            /**
             * @description The school's own reference, e.g. the student number. Personal data.
             * @example S-2024-0815
             */
            borrowerReference?: string;
            /** Format: uuid */
            deviceId: string;
            /**
             * Format: date
             * @description Defaults to the end of the school year (loan settings, `defaultDueMonthDay`).
             * @example 2025-08-01
             */
            dueOn?: string;
            /** @description Guardian of a minor who signs the agreement. Personal data. */
            guardianName?: string;
            /** @description Free text. Treated as personal data (only the school's coordinators see it; erased with the borrower's data). */
            notes?: string;
            /**
             * Format: date
             * @description Defaults to today.
             * @example 2025-08-01
             */
            startedOn?: string;
        };
        CreateNeedDto: {
            category: components["schemas"]["NeedCategory"];
            /**
             * @description Estimated total cost in cents.
             * @example 1440000
             */
            estimatedCostCents: number;
            /** @description Why the school needs it (pedagogical concept, current equipment, …). */
            justification: string;
            /** @default medium */
            priority: components["schemas"]["NeedPriority"];
            /** @example 30 */
            quantity: number;
            /**
             * Format: uuid
             * @description The school that needs it (coordinators: one of their own).
             */
            schoolId: string;
            /** @description Short name of the request. */
            title: string;
        };
        CreateProductDto: {
            /** @description The authority approved it for use in schools (freigegeben). */
            approved?: boolean;
            /** @description Where the signed agreement is filed (document number, file reference). Needs `dpaSignedOn`. */
            dpaReference?: string | null;
            /**
             * Format: date
             * @description The day the data-processing agreement (AV-Vertrag, Art. 28 GDPR) was signed; null: not signed.
             * @example 2025-03-01
             */
            dpaSignedOn?: string | null;
            /** @description The data-protection impact assessment (DSFA) is done. */
            dpiaDone?: boolean;
            /** @description Used by students (counts in the licences per student of the coverage); default true. */
            forStudents?: boolean;
            /** @description Where the data is stored; null: unknown. */
            hosting?: (string & components["schemas"]["LicenceHosting"]) | null;
            kind: components["schemas"]["LicenceProductKind"];
            /** @example bettermarks */
            name: string;
            notes?: string | null;
            /** @description The platforms or device types it runs on. */
            platforms?: components["schemas"]["LicencePlatform"][];
            /** @description Processes students' personal data (then it needs an AV-Vertrag and the authority's approval). */
            processesStudentData: boolean;
            /** @description The vendor (Anbieter). */
            vendor: string;
        };
        CreateSchoolDto: {
            /** @description Broadband downstream in Mbit/s. */
            broadbandMbps?: number;
            city?: string;
            classCount?: number;
            hasFibre?: boolean;
            name: string;
            postalCode?: string;
            /**
             * @description Official school number (Schulnummer), unique in the authority.
             * @example 165432
             */
            schoolNumber: string;
            schoolType: components["schemas"]["SchoolType"];
            street?: string;
            studentCount?: number;
            teacherCount?: number;
            /** @description Share of classrooms with WLAN, 0-100. */
            wlanCoveragePercent?: number;
        };
        CreateUserDto: {
            /**
             * Format: uuid
             * @description Platform admins only: the authority of the new user (required unless the role is admin). Office users always create in their own.
             */
            authorityId?: string;
            displayName: string;
            /** Format: email */
            email: string;
            /** @description At least 12 characters. */
            password: string;
            role: components["schemas"]["Role"];
            /** @description For coordinators: the schools they look after. */
            schoolIds?: string[];
        };
        DecideNeedDto: {
            /** @description Partial approvals: the amount granted in cents (at most the estimated cost). */
            approvedCents?: number;
            /** @description Partial approvals: the quantity granted (at most the requested one). */
            approvedQuantity?: number;
            decision: components["schemas"]["NeedDecision"];
            /** @description Required for a rejection; optional note otherwise. */
            reason?: string;
            /** @description The version you read; a stale one is refused with 409 STALE_VERSION. */
            version?: number;
        };
        DeviceDetailDto: {
            authorityId: string;
            commissionedOn: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The running loan (loans feature); personal fields only for the school's coordinators. Null when not on loan; absent where the loans feature is not part of the app. */
            currentLoan?: components["schemas"]["LoanDto"] | null;
            id: string;
            inventoryNumber: string;
            /**
             * Format: date-time
             * @description When its label was last printed; null: never labelled.
             */
            labelledAt: string | null;
            /** @description The day the device was last counted in a stocktaking (zuletzt gezählt am). */
            lastCountedOn: string | null;
            location: string | null;
            manufacturer: string;
            model: string;
            notes: string | null;
            operatingSystem: string | null;
            purchaseDate: string | null;
            purchasePriceCents: number | null;
            retiredOn: string | null;
            retirementReason: string | null;
            schoolId: string;
            schoolName: string;
            serialNumber: string | null;
            status: components["schemas"]["DeviceStatus"];
            type: components["schemas"]["DeviceType"];
            /** Format: date-time */
            updatedAt: string;
            version: number;
            warrantyUntil: string | null;
        };
        DeviceDto: {
            authorityId: string;
            commissionedOn: string | null;
            /** Format: date-time */
            createdAt: string;
            id: string;
            inventoryNumber: string;
            /**
             * Format: date-time
             * @description When its label was last printed; null: never labelled.
             */
            labelledAt: string | null;
            /** @description The day the device was last counted in a stocktaking (zuletzt gezählt am). */
            lastCountedOn: string | null;
            location: string | null;
            manufacturer: string;
            model: string;
            notes: string | null;
            operatingSystem: string | null;
            purchaseDate: string | null;
            purchasePriceCents: number | null;
            retiredOn: string | null;
            retirementReason: string | null;
            schoolId: string;
            serialNumber: string | null;
            status: components["schemas"]["DeviceStatus"];
            type: components["schemas"]["DeviceType"];
            /** Format: date-time */
            updatedAt: string;
            version: number;
            warrantyUntil: string | null;
        };
        DeviceEventDto: {
            actorId: string | null;
            actorName: string | null;
            fromSchoolId: string | null;
            /** @enum {string|null} */
            fromStatus: "available" | "loaned" | "in_use" | "in_repair" | "retired" | "lost" | null;
            id: string;
            /** @enum {string} */
            kind: "created" | "status_changed" | "moved" | "loaned" | "returned" | "imported";
            loanId: string | null;
            /** Format: date-time */
            occurredAt: string;
            reason: string | null;
            toSchoolId: string | null;
            /** @enum {string|null} */
            toStatus: "available" | "loaned" | "in_use" | "in_repair" | "retired" | "lost" | null;
        };
        DeviceHistoryPageDto: {
            items: components["schemas"]["DeviceEventDto"][];
            nextCursor: string | null;
        };
        DeviceListItemDto: {
            commissionedOn: string | null;
            id: string;
            inventoryNumber: string;
            /**
             * Format: date-time
             * @description When its label was last printed; null: never labelled.
             */
            labelledAt: string | null;
            /** @description The day the device was last counted in a stocktaking (zuletzt gezählt am). */
            lastCountedOn: string | null;
            location: string | null;
            manufacturer: string;
            model: string;
            operatingSystem: string | null;
            purchaseDate: string | null;
            purchasePriceCents: number | null;
            retiredOn: string | null;
            schoolId: string;
            serialNumber: string | null;
            status: components["schemas"]["DeviceStatus"];
            type: components["schemas"]["DeviceType"];
            /** Format: date-time */
            updatedAt: string;
            version: number;
            warrantyUntil: string | null;
        };
        DevicePageDto: {
            items: components["schemas"]["DeviceListItemDto"][];
            nextCursor: string | null;
        };
        DeviceRatioDto: {
            /** @description Students (or teachers) of the school. */
            count: number;
            devices: number;
            /** @description Devices the target asks for: ceil(count / target). */
            needed: number;
            /** @description People per device (two decimals); null when there are people but no device, 0 when there are no people. */
            perDevice: number | null;
            /** @description max(0, needed − devices). */
            shortfall: number;
            /** @description Target: people per device. */
            target: number;
            targetMet: boolean;
        };
        /** @enum {string} */
        DeviceSort: "inventoryNumber" | "-inventoryNumber" | "purchaseDate" | "-purchaseDate" | "warrantyUntil" | "-warrantyUntil" | "model" | "updatedAt" | "-updatedAt";
        DeviceStatsDto: {
            byStatus: {
                [key: string]: number;
            };
            /** @description Per device type: its total and its statuses. */
            byType: {
                [key: string]: unknown;
            };
            /** @description Devices not retired. */
            inService: number;
            /** @description Every device on record, retired ones included. */
            total: number;
        };
        /** @enum {string} */
        DeviceStatus: "available" | "loaned" | "in_use" | "in_repair" | "retired" | "lost";
        /** @enum {string} */
        DeviceType: "laptop" | "tablet" | "desktop" | "interactive_display" | "projector" | "document_camera" | "access_point" | "printer" | "other";
        EraseBorrowerDto: {
            /** @description The borrower's name (exact, case-insensitive). */
            borrowerName?: string;
            /** @description The school's reference of the borrower (exact, case-insensitive). Give this or the name. */
            borrowerReference?: string;
            /** Format: uuid */
            schoolId: string;
        };
        ErasureResultDto: {
            /** @description Returned loans whose personal data were erased now. */
            erasedLoans: number;
        };
        ErrorBodyDto: {
            /** @description Extra facts a client can use, e.g. `currentVersion` on STALE_VERSION, `currentStatus` on ILLEGAL_STATE. */
            details?: {
                [key: string]: unknown;
            };
            /**
             * @description A code to switch on: VALIDATION_FAILED, BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, STALE_VERSION, ILLEGAL_STATE, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS, DATABASE_UNAVAILABLE (503, see Retry-After), EXPORTS_BUSY (503, see Retry-After), IDEMPOTENCY_KEY_REUSED, INTERNAL_ERROR.
             * @example NOT_FOUND
             * @enum {string}
             */
            error: "BAD_REQUEST" | "VALIDATION_FAILED" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "ILLEGAL_STATE" | "STALE_VERSION" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "DATABASE_UNAVAILABLE" | "EXPORTS_BUSY" | "IDEMPOTENCY_KEY_REUSED" | "INTERNAL_ERROR";
            /** @description Present for validation errors: which fields are wrong and why. */
            fieldErrors?: components["schemas"]["FieldErrorDto"][];
            /** @description English, for programmers. A person reads the German text of `reason` (src/i18n/messages.ts). */
            message: string;
            /** @description The values the text of `reason` needs (amounts in cents, dates as YYYY-MM-DD, codes of the label tables). */
            params?: {
                [key: string]: unknown;
            };
            /**
             * @description The specific, stable reason: e.g. DEVICE_NOT_FOUND, DEVICE_ON_LOAN, LOAN_ALREADY_RETURNED, STALE_VERSION,
             *     EARMARKING_BREACH_NEEDS_CONFIRMATION, SCHOOL_HAS_DEVICES, GRANT_ALLOCATION_EXCEEDS_BUDGET; the coarse `error`
             *     where there is nothing more specific. Its German text, filled from `params`: src/i18n/messages.ts.
             * @example DEVICE_NOT_FOUND
             */
            reason?: string;
            /** @description The X-Request-Id of the request, for support. */
            requestId?: string;
            /** @example 404 */
            statusCode: number;
        };
        /** @enum {string} */
        ExpenditureCategory: "devices" | "displays" | "network" | "software" | "installation" | "training" | "other";
        ExpenditureDto: {
            budgetOverride: boolean;
            category: components["schemas"]["ExpenditureCategory"];
            /** Format: date-time */
            createdAt: string;
            description: string;
            deviceIds: string[];
            /** @description Funded share of this line (half up to the cent); `ownCents` is the rest. */
            fundedCents: number;
            grantId: string;
            grossCents: number;
            id: string;
            invoiceDate: string | null;
            invoiceNumber: string | null;
            orderDate: string;
            overrideReason: string | null;
            ownCents: number;
            paidOn: string | null;
            schoolId: string;
            /** Format: date-time */
            updatedAt: string;
            vendor: string;
            version: number;
        };
        ExpenditurePageDto: {
            items: components["schemas"]["ExpenditureDto"][];
            nextCursor: string | null;
        };
        /** @enum {string} */
        ExportLang: "de" | "en";
        ExtendLoanDto: {
            /**
             * Format: date
             * @description The new due date.
             * @example 2025-08-01
             */
            dueOn: string;
        };
        FieldErrorDto: {
            /**
             * @description The rule the value breaks, stable: class-validator's constraint names (isNotEmpty for a missing or empty value,
             *     maxLength, minLength, isIn, isInt, min, max, isDateOnly, isUuid, whitelistValidation for an unknown field …) and our
             *     own (notInFuture, notBefore, taken, unknownRecord …). German texts: src/i18n/messages.ts.
             * @example maxLength
             */
            code?: string;
            /** @description The request field, dotted for nested ones (e.g. `items.3.inventoryNumber`). */
            field: string;
            /** @description English, for programmers. A person reads the German text of `code`. */
            messages: string[];
            /** @description The values the text of `code` needs, e.g. `{ "max": 200 }` for maxLength, `{ "date": "2026-08-01" }` for notBefore. */
            params?: {
                [key: string]: unknown;
            };
        };
        GrantBudgetDto: {
            approvedCents: number;
            grants: number;
            remainingCents: number;
            /** @description Committed by orders (expenditures) against the grants. */
            spentCents: number;
        };
        GrantDeadlineDto: {
            date: string;
            /** @description Negative when the date has passed. */
            daysLeft: number;
            /** @enum {string} */
            kind: "proof_of_use" | "eligible_period_end";
        };
        GrantDto: {
            approvedCents: number;
            /** Format: date-time */
            createdAt: string;
            decisionDate: string | null;
            earmarkingYears: number;
            earmarkingYearsByType: {
                [key: string]: number;
            };
            eligibleFrom: string;
            eligibleUntil: string;
            fundingRatePercent: number;
            id: string;
            notes: string | null;
            program: components["schemas"]["GrantProgram"];
            proofDueOn: string | null;
            referenceNumber: string | null;
            status: components["schemas"]["GrantStatus"];
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        GrantLicenceDto: {
            contractId: string;
            expenditureId: string;
            /** @description The expenditure's gross amount. */
            grossCents: number;
            /** @description The expenditure's invoice number; null when not invoiced (by the reporting date). */
            invoiceNumber: string | null;
            licenceModel: components["schemas"]["LicenceModel"];
            productId: string;
            productName: string;
            /** @description The school of the expenditure. */
            schoolId: string;
            seatsBought: number;
            /** Format: date */
            termEnd: string;
            /** Format: date */
            termStart: string;
            vendor: string;
            yearlyCents: number;
        };
        GrantListItemDto: {
            /** @description Allocated to schools (coordinators: to their schools). */
            allocatedCents: number;
            approvedCents: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Deadlines within the warning window (90 days unless the authority configures another). */
            deadlines: components["schemas"]["GrantDeadlineDto"][];
            deadlineSoon: boolean;
            decisionDate: string | null;
            earmarkingYears: number;
            earmarkingYearsByType: {
                [key: string]: number;
            };
            eligibleFrom: string;
            eligibleUntil: string;
            fundingRatePercent: number;
            id: string;
            notes: string | null;
            paidCents: number;
            program: components["schemas"]["GrantProgram"];
            proofDueOn: string | null;
            referenceNumber: string | null;
            /** @description Approved minus spent (coordinators: their schools' allocations minus their spending). */
            remainingCents: number;
            /** @description Committed by orders: the money the grant has spent (coordinators: at their schools). */
            spentCents: number;
            status: components["schemas"]["GrantStatus"];
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        GrantPageDto: {
            items: components["schemas"]["GrantListItemDto"][];
            nextCursor: string | null;
        };
        /** @enum {string} */
        GrantProgram: "digitalpakt_basis" | "sofortausstattung" | "leihgeraete_lehrkraefte" | "administration" | "state_program" | "city_budget" | "other";
        GrantSettingsDto: {
            /** @description Extra program rules, shown as warnings in the summary. */
            categoryShareRules?: components["schemas"]["CategoryShareRuleDto"][];
            /** @description Deadlines this many days ahead are flagged in the list. */
            deadlineWarningDays?: number;
        };
        /** @enum {string} */
        GrantStatus: "planned" | "approved" | "reported" | "closed";
        GrantSummaryDto: {
            /**
             * Format: date
             * @description The reporting date the figures are as of; null for "everything so far".
             */
            asOf: string | null;
            byCategory: components["schemas"]["CategorySummaryDto"][];
            bySchool: components["schemas"]["SchoolSummaryDto"][];
            fundingRatePercent: number;
            grantId: string;
            /** @description The licence contracts the grant paid for (linked to its expenditures, as of `asOf`; coordinators: their schools'). */
            licences: components["schemas"]["GrantLicenceDto"][];
            /** @description DigitalPakt Basis only. For a coordinator: the figures of their schools only (the authority-wide cap is the office's). */
            mobileDeviceCap?: components["schemas"]["MobileCapDto"] | null;
            status: components["schemas"]["GrantStatus"];
            totals: components["schemas"]["SummaryTotalsDto"];
            warnings: components["schemas"]["GrantWarningDto"][];
        };
        /** @enum {string} */
        GrantWarningCode: "mobile_device_cap" | "category_share" | "over_allocation" | "over_approved" | "earmarking_breach" | "proof_of_use_due" | "eligible_period_ending";
        GrantWarningDto: {
            amountCents?: number;
            code: components["schemas"]["GrantWarningCode"];
            details?: {
                [key: string]: unknown;
            };
            message: string;
            params: {
                [key: string]: (string | null) | number | boolean;
            };
            schoolId?: string;
        };
        HealthDto: {
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /** @example {} */
            error?: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /**
             * @example ok
             * @enum {string}
             */
            status: "ok" | "error" | "shutting_down";
        };
        ImportDuplicateDto: {
            /** @description Null when the existing device is in a school you do not see. */
            deviceId: string | null;
            inventoryNumber: string;
            row: number;
        };
        ImportedDeviceDto: {
            id: string;
            inventoryNumber: string;
            row: number;
        };
        /**
         * @description What is wrong, stable (German texts: src/i18n/import-problems.ts).
         * @enum {string}
         */
        ImportProblemCode: "COLUMN_TWICE" | "COLUMN_MISSING" | "SCHOOL_NOT_NAMED" | "EMPTY" | "FORMULA_WITHOUT_VALUE" | "TOO_LONG" | "TYPE_UNKNOWN" | "AMOUNT_INVALID" | "AMOUNT_NEGATIVE" | "AMOUNT_DECIMALS" | "AMOUNT_TOO_LARGE" | "DATE_INVALID" | "DATE_NOT_IN_CALENDAR" | "DATE_OUT_OF_RANGE" | "SCHOOL_NUMBER_UNKNOWN" | "SCHOOL_EMPTY" | "INVENTORY_NUMBER_REPEATED" | "SERIAL_NUMBER_REPEATED" | "INVENTORY_NUMBER_TAKEN" | "SERIAL_NUMBER_TAKEN";
        ImportProblemDto: {
            /** @description What is wrong, stable (German texts: src/i18n/import-problems.ts). */
            code: components["schemas"]["ImportProblemCode"];
            /** @description The column heading as written in the file (the German name of a missing column); null for the whole row. */
            column: string | null;
            /** @description English, for programmers. */
            message: string;
            /** @description German, for people. */
            messageDe: string;
            /** @description What the text names: `value` (the cell as written), `firstRow`, `max`, `formula`, numbers of the clashing device. */
            params: {
                [key: string]: (string | null) | number;
            };
            /** @description The row number as the spreadsheet shows it. */
            row: number;
        };
        ImportReportDto: {
            created: number;
            /** @description The devices this import wrote, in the file's order (empty on a dry run): e.g. for their labels. */
            createdDevices: components["schemas"]["ImportedDeviceDto"][];
            dryRun: boolean;
            duplicates: components["schemas"]["ImportDuplicateDto"][];
            /** @enum {string} */
            format: "xlsx" | "csv";
            ignoredColumns: string[];
            newDevices: number;
            problems: components["schemas"]["ImportProblemDto"][];
            rows: number;
            valid: boolean;
        };
        LabelFormatDto: {
            columns: number;
            id: components["schemas"]["LabelFormatId"];
            labelHeight: number;
            labelWidth: number;
            left: number;
            name: string;
            padding: number;
            pageHeight: number;
            pageWidth: number;
            pitchX: number;
            pitchY: number;
            rows: number;
            top: number;
        };
        /** @enum {string} */
        LabelFormatId: "avery-3475" | "avery-l4736" | "avery-l6011" | "roll-62x29" | "roll-57x32";
        LabelsRequestDto: {
            /** @description Devices to label; ids you may not see answer 404. */
            deviceIds?: string[];
            /**
             * @description The label stock (Etikettenbogen): A4 sheets or a label printer's roll.
             * @example avery-3475
             */
            format: components["schemas"]["LabelFormatId"];
            /** Format: uuid */
            grantId?: string;
            /** @example Raum 204 */
            location?: string;
            /** @example Lenovo */
            manufacturer?: string;
            /**
             * Format: date
             * @example 2025-08-01
             */
            notCountedSince?: string;
            notLabelled?: boolean;
            purchaseYear?: number;
            q?: string;
            /** Format: uuid */
            schoolId?: string;
            /** @description Print the device type and model under the school. */
            showModel?: boolean;
            /**
             * @description The first free label of a partly used sheet, counted row by row from 1 (erstes freies Etikett).
             * @default 1
             */
            startAt: number;
            status?: components["schemas"]["DeviceStatus"][];
            type?: components["schemas"]["DeviceType"][];
            /**
             * Format: date
             * @example 2025-08-01
             */
            warrantyBefore?: string;
        };
        /** @enum {string} */
        LicenceHosting: "eu" | "outside_eu";
        /** @enum {string} */
        LicenceModel: "per_student" | "per_teacher" | "per_device" | "per_school" | "volume" | "concurrent";
        /** @enum {string} */
        LicenceNoticeUnit: "days" | "weeks" | "months";
        /** @enum {string} */
        LicencePlatform: "windows" | "macos" | "ipados" | "ios" | "android" | "chromeos" | "linux" | "web";
        /** @enum {string} */
        LicenceProductKind: "learning_app" | "learning_platform" | "office_suite" | "device_management" | "content" | "other";
        LicenceSettingsDto: {
            /** @description A last day to cancel (or an end without renewal) this many days ahead or fewer is a warning; default 60. */
            deadlineWarningDays: number;
            /** @description Low use counts once the term has run this many months; default 3. */
            lowUseAfterMonths: number;
            /** @description Use below this percentage of the seats bought is low; default 30. */
            lowUsePercent: number;
        };
        /** @enum {string} */
        LicenceUseSource: "school" | "import";
        /** @enum {string} */
        LicenceWarningCode: "cancellation_due" | "ending_without_renewal" | "seats_over_bought" | "use_over_assigned" | "dpa_missing" | "not_approved" | "low_use";
        LicenceWarningCountsDto: {
            byCode?: {
                cancellation_due: number;
                dpa_missing: number;
                ending_without_renewal: number;
                low_use: number;
                not_approved: number;
                seats_over_bought: number;
                use_over_assigned: number;
            } & {
                [key: string]: number;
            };
            total: number;
        };
        LicenceWarningDto: {
            code: components["schemas"]["LicenceWarningCode"];
            contractId: string | null;
            message: string;
            /** @description Values for the German text of the code (product, dates as YYYY-MM-DD, numbers). */
            params: {
                [key: string]: unknown;
            };
            productId: string;
            schoolId: string | null;
        };
        LicenceWarningsDto: {
            /** Format: date */
            asOf: string;
            items: components["schemas"]["LicenceWarningDto"][];
        };
        LinkGrantDto: {
            /**
             * Format: uuid
             * @description The grant that funds the request; null removes the link.
             */
            grantId: string | null;
            /** @description The version you read; a stale one is refused with 409 STALE_VERSION. */
            version?: number;
        };
        LoanDeviceDto: {
            id: string;
            inventoryNumber: string;
            manufacturer: string;
            model: string;
            serialNumber: string | null;
            status: components["schemas"]["DeviceStatus"];
            type: components["schemas"]["DeviceType"];
        };
        LoanDto: {
            accessories: string[];
            /**
             * @description The agreement number (Vertragsnummer) printed on the Leihvertrag: unique in the authority, counted per year.
             * @example LV-2026-000123
             */
            agreementNumber: string;
            agreementSigned: boolean;
            authorityId: string;
            borrowerClass: string | null;
            borrowerKind: components["schemas"]["BorrowerKind"];
            /** @description Null unless you coordinate this school, or after erasure. */
            borrowerName: string | null;
            borrowerReference: string | null;
            /** Format: date-time */
            createdAt: string;
            device: components["schemas"]["LoanDeviceDto"];
            dueOn: string;
            guardianName: string | null;
            id: string;
            notes: string | null;
            /** @description The personal fields were erased (retention period passed, or on request). */
            personalDataErased: boolean;
            /** @description False for office and viewer users: the personal fields above are withheld. */
            personalDataVisible: boolean;
            returnCondition?: (string & components["schemas"]["ReturnCondition"]) | null;
            returnedOn: string | null;
            returnNotes: string | null;
            schoolId: string;
            schoolName: string;
            startedOn: string;
            state: components["schemas"]["LoanState"];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        LoanPageDto: {
            items: components["schemas"]["LoanDto"][];
            nextCursor: string | null;
        };
        LoanSettingsDto: {
            /** @description The rules printed on the loan agreement (Leihvertrag), in order. */
            agreementClauses: components["schemas"]["AgreementClauseDto"][];
            /**
             * @description End of the school year as MM-DD: a loan without a due date runs until the next such day.
             * @example 07-31
             */
            defaultDueMonthDay: string;
            /** @description Days after the return until the borrower's personal data are erased. */
            retentionDays: number;
        };
        /** @enum {string} */
        LoanState: "active" | "overdue" | "returned";
        LoanStatsDto: {
            /** @description Loans not yet returned (overdue ones included). */
            active: number;
            /** @description Active loans past their due date. */
            overdue: number;
            returned: number;
        };
        LoginDto: {
            /**
             * Format: email
             * @example office@musterstadt.example
             */
            email: string;
            password: string;
        };
        MarkAgreementSignedDto: {
            /** @description The version of the loan you read; a stale one is refused with 409 STALE_VERSION. */
            version: number;
        };
        MeDto: {
            authorityId: string | null;
            displayName: string;
            email: string;
            id: string;
            role: components["schemas"]["Role"];
            /** @description Schools assigned to a coordinator (empty for other roles). */
            schoolIds: string[];
        };
        MissingDecisionDto: {
            action: components["schemas"]["StocktakingMissingAction"];
            /** Format: uuid */
            deviceId: string;
        };
        MissingDeviceDto: {
            deviceId: string;
            inventoryNumber: string;
            model: string;
            /** @description What the close decided: marked lost, or kept open; null while the stocktaking is open. */
            resolution: (string & components["schemas"]["StocktakingMissingResolution"]) | null;
            room: string;
            serialNumber: string | null;
        };
        MissingPageDto: {
            items: components["schemas"]["MissingDeviceDto"][];
            nextCursor: string | null;
        };
        MobileCapDto: {
            authorityCapCents: number;
            excessCents: number;
            investmentCents: number;
            mobileCents: number;
            perSchoolCapCents: number;
            schools: components["schemas"]["MobileCapSchoolDto"][];
            /** @enum {string} */
            variant: "authority_share" | "per_school";
        };
        MobileCapSchoolDto: {
            excessOverPerSchoolCapCents: number;
            investmentCents: number;
            mobileCents: number;
            schoolId: string;
        };
        MoveDeviceDto: {
            /** @description The room at the new school; cleared when not given. */
            location?: string;
            /** @example Umverteilung nach Medienentwicklungsplan 2026 */
            reason?: string;
            /**
             * Format: uuid
             * @description The school the device moves to (same authority).
             */
            schoolId: string;
            version?: number;
        };
        /** @enum {string} */
        NeedCategory: "student_devices" | "teacher_devices" | "displays" | "wlan" | "broadband" | "software" | "training" | "other";
        /** @enum {string} */
        NeedDecision: "approved" | "partially_approved" | "rejected";
        NeedDto: {
            approvedCents: number | null;
            /** @description Set for approved and partially approved requests. */
            approvedQuantity: number | null;
            authorityId: string;
            category: components["schemas"]["NeedCategory"];
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            decidedAt: string | null;
            decidedBy: string | null;
            /** @description The office's reason (always set for rejections). */
            decisionReason: string | null;
            estimatedCostCents: number;
            grantId: string | null;
            id: string;
            justification: string;
            priority: components["schemas"]["NeedPriority"];
            quantity: number;
            schoolId: string;
            schoolName: string;
            schoolNumber: string;
            status: components["schemas"]["NeedStatus"];
            /** Format: date-time */
            submittedAt: string | null;
            submittedBy: string | null;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        NeedPageDto: {
            items: components["schemas"]["NeedDto"][];
            nextCursor: string | null;
        };
        /** @enum {string} */
        NeedPriority: "low" | "medium" | "high";
        NeedStatsDto: {
            approvedWithoutGrant: {
                approvedCents: number;
                count: number;
            };
            /** @description Submitted requests waiting for the office's decision. */
            awaitingDecision: components["schemas"]["NeedStatusCountDto"];
            byStatus: {
                [key: string]: unknown;
            };
        };
        /** @enum {string} */
        NeedStatus: "draft" | "submitted" | "approved" | "partially_approved" | "rejected";
        NeedStatusCountDto: {
            approvedCents: number;
            count: number;
            estimatedCostCents: number;
        };
        OverviewDto: {
            /** @description The day ages and overdue loans were measured on. */
            asOf: string;
            coverage: components["schemas"]["CoverageSummaryDto"];
            devices: components["schemas"]["DeviceStatsDto"];
            grants: components["schemas"]["GrantBudgetDto"];
            /** @description The licence warnings by code (the same as the coverage summary's). */
            licenceWarnings: components["schemas"]["LicenceWarningCountsDto"];
            loans: components["schemas"]["LoanStatsDto"];
            needs: components["schemas"]["NeedStatsDto"];
            /** @description Schools due for a stocktaking (Inventur) and the open ones. */
            stocktaking: components["schemas"]["StocktakingOverviewDto"];
        };
        /**
         * @description The device type a missing student device is priced as.
         * @enum {string}
         */
        PersonalDeviceType: "laptop" | "tablet";
        ProductDto: {
            approved: boolean;
            /** @description Contracts of this product (in the caller's view). */
            contracts: number;
            /** Format: date-time */
            createdAt: string;
            dpaReference: string | null;
            /** Format: date */
            dpaSignedOn: string | null;
            dpiaDone: boolean;
            forStudents: boolean;
            hosting: (string & components["schemas"]["LicenceHosting"]) | null;
            id: string;
            kind: components["schemas"]["LicenceProductKind"];
            name: string;
            notes: string | null;
            platforms: components["schemas"]["LicencePlatform"][];
            processesStudentData: boolean;
            /** Format: date-time */
            updatedAt: string;
            vendor: string;
            version: number;
        };
        ReplacementDto: {
            /** @description The same by device type. */
            byType: {
                [key: string]: number;
            };
            /** @description Replacing them at the unit prices. */
            costCents: number;
            /** @description Devices in service (not retired, not lost) at or past their replacement age. */
            pastAge: number;
            /** @description Devices in service without commissioning or purchase date. */
            unknownAge: number;
        };
        /** @enum {string} */
        ReturnCondition: "ok" | "damaged" | "defective" | "lost";
        ReturnLoanDto: {
            /** @description ok: the device is available again; damaged/defective: it goes to repair; lost: it is booked as lost. */
            condition: components["schemas"]["ReturnCondition"];
            /** @description Confirms booking a funded device as lost inside its earmarking period (the grants feature warns otherwise). */
            confirmEarmarkingBreach?: boolean;
            /** @description Free text (e.g. what is broken). Treated as personal data like the loan's notes. */
            notes?: string;
            /**
             * Format: date
             * @description Defaults to today.
             * @example 2025-08-01
             */
            returnedOn?: string;
        };
        /** @enum {string} */
        Role: "admin" | "office" | "coordinator" | "viewer";
        RoomProgressDto: {
            expected: number;
            found: number;
            /** @description Scanned in this room but belonging elsewhere. */
            foundElsewhere: number;
            /** @description Expected and not found (yet). */
            missing: number;
            /** @description The room ("" = devices without a room). */
            room: string;
            unknown: number;
        };
        ScanCreateDeviceDto: {
            /** @example Lenovo */
            manufacturer: string;
            model: string;
            /**
             * @description Unique per manufacturer within the authority.
             * @example PF3XK9ZQ
             */
            serialNumber?: string | null;
            type: components["schemas"]["DeviceType"];
        };
        ScanDto: {
            /** @description For an unknown scan: register the device at this school. */
            createDevice?: components["schemas"]["ScanCreateDeviceDto"];
            /** @description For a device found elsewhere: move it here in the same step (its room, or from its school to this one). */
            move?: boolean;
            /** @description What the scanner noted (e.g. on an unknown label). */
            note?: string;
            /**
             * @description The room the scanner is in ("" or left out: no room).
             * @example Raum 204
             */
            room?: string;
            /**
             * @description The scanned inventory or serial number (case-insensitive).
             * @example MS-GYM-2024-0042
             */
            tag: string;
        };
        ScannedDeviceDto: {
            /** @description The room the stocktaking expected it in; null when it was not on the list. */
            expectedRoom: string | null;
            id: string;
            inventoryNumber: string;
            /** @description Its room before this scan (and before a move). */
            location: string | null;
            schoolId: string;
            schoolName: string;
        };
        ScanResultDto: {
            /** @description Whether the caller may move it here (found elsewhere only). */
            canMove: boolean;
            /** @description The id of the device this scan registered. */
            createdDeviceId: string | null;
            /** @description The device the scan identified; null for unknown scans (unless one was created). */
            device: components["schemas"]["ScannedDeviceDto"] | null;
            elsewhere?: (string & components["schemas"]["StocktakingElsewhere"]) | null;
            /** @description Whether this scan moved it. */
            moved: boolean;
            result: components["schemas"]["StocktakingScanResult"];
            /** @description The counts of the room scanned in, after this scan. */
            room: components["schemas"]["RoomProgressDto"];
            scanId: number;
        };
        SchoolCountDto: {
            /** @description Never counted completely, or longer ago than the authority's interval. */
            countDue: boolean;
            /** @description The day its last complete stocktaking (whole school) closed; null: never. */
            lastCompleteCountOn: string | null;
        };
        SchoolCountStatusDto: {
            /** @description Never counted completely, or longer ago than the authority's interval. */
            countDue: boolean;
            /** @description The day its last complete stocktaking (whole school) closed; null: never. */
            lastCompleteCountOn: string | null;
            schoolId: string;
            schoolName: string;
        };
        SchoolCoverageDto: {
            broadband: components["schemas"]["BroadbandDto"];
            inRepair: number;
            licences: components["schemas"]["SchoolLicencesDto"];
            lost: number;
            name: string;
            replacement: components["schemas"]["ReplacementDto"];
            schoolId: string;
            schoolNumber: string;
            schoolType: components["schemas"]["SchoolType"];
            shortfall: components["schemas"]["ShortfallDto"];
            /** @description The school's last complete stocktaking (Inventur) and whether a count is due: never, or longer ago than the authority's interval (default 5 years). */
            stocktaking: components["schemas"]["SchoolCountDto"];
            /** @description Students per student device (laptops and tablets available or loaned, not to teachers). */
            students: components["schemas"]["DeviceRatioDto"];
            /** @description Teachers per teacher device (laptops and tablets on an active teacher loan). */
            teachers: components["schemas"]["DeviceRatioDto"];
            wlan: components["schemas"]["WlanDto"];
        };
        SchoolCoverageResponseDto: {
            /** @description The day ages were measured on. */
            asOf: string;
            broadband: components["schemas"]["BroadbandDto"];
            inRepair: number;
            licences: components["schemas"]["SchoolLicencesDto"];
            lost: number;
            name: string;
            replacement: components["schemas"]["ReplacementDto"];
            schoolId: string;
            schoolNumber: string;
            schoolType: components["schemas"]["SchoolType"];
            shortfall: components["schemas"]["ShortfallDto"];
            /** @description The school's last complete stocktaking (Inventur) and whether a count is due: never, or longer ago than the authority's interval (default 5 years). */
            stocktaking: components["schemas"]["SchoolCountDto"];
            /** @description Students per student device (laptops and tablets available or loaned, not to teachers). */
            students: components["schemas"]["DeviceRatioDto"];
            /** @description Teachers per teacher device (laptops and tablets on an active teacher loan). */
            teachers: components["schemas"]["DeviceRatioDto"];
            wlan: components["schemas"]["WlanDto"];
        };
        SchoolDto: {
            authorityId: string;
            broadbandMbps: number | null;
            city: string | null;
            classCount: number;
            /** Format: date-time */
            createdAt: string;
            hasFibre: boolean;
            id: string;
            name: string;
            postalCode: string | null;
            schoolNumber: string;
            schoolType: components["schemas"]["SchoolType"];
            street: string | null;
            studentCount: number;
            teacherCount: number;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            wlanCoveragePercent: number | null;
        };
        SchoolLicencesDto: {
            /** @description Student seats per student (two decimals); null without students. */
            seatsPerStudent: number | null;
            /** @description Student-facing products the school has a running contract for. */
            studentProducts: number;
            /** @description Seats of those contracts assigned to the school. */
            studentSeats: number;
            /** @description The school's share of the yearly cost of its running contracts (split by assigned seats, else by students). */
            yearlyCostCents: number;
            /** @description That cost per student, to the cent; null without students. */
            yearlyCostPerStudentCents: number | null;
        };
        SchoolNameDto: {
            id: string;
            name: string;
        };
        SchoolNamePageDto: {
            items: components["schemas"]["SchoolNameDto"][];
            nextCursor: string | null;
        };
        SchoolPageDto: {
            items: components["schemas"]["SchoolDto"][];
            nextCursor: string | null;
        };
        SchoolSummaryDto: {
            allocatedCents: number;
            committedCents: number;
            /** @description Funded share of the committed money (sum of the per-line shares). */
            fundedCents: number;
            ownCents: number;
            paidCents: number;
            paidFundedCents: number;
            paidOwnCents: number;
            /** @description Allocated minus committed. */
            remainingCents: number;
            schoolId: string;
            schoolName: string;
            schoolNumber: string;
            schoolType: string;
        };
        /** @enum {string} */
        SchoolType: "grundschule" | "hauptschule" | "realschule" | "sekundarschule" | "gesamtschule" | "gymnasium" | "foerderschule" | "berufskolleg" | "other";
        SeatDto: {
            contractId: string;
            /**
             * Format: date
             * @description The day the use was counted.
             */
            inUseOn: string | null;
            inUseSource: (string & components["schemas"]["LicenceUseSource"]) | null;
            schoolId: string;
            schoolName: string;
            schoolNumber: string;
            seatsAssigned: number;
            seatsInUse: number | null;
            /** Format: date-time */
            updatedAt: string;
        };
        SetAllocationDto: {
            /**
             * @description The school's budget share in cents.
             * @example 2500000
             */
            amountCents: number;
            note?: string | null;
        };
        SetSeatsDto: {
            /** @description Seats of the contract assigned to the school; all schools together at most the seats bought. */
            seatsAssigned: number;
        };
        SetUseDto: {
            /**
             * Format: date
             * @description The day it was counted; default today.
             * @example 2025-08-01
             */
            inUseOn?: string;
            /** @description Seats the school uses (from the vendor's admin console or a count). */
            seatsInUse: number;
        };
        SetUserSchoolsDto: {
            schoolIds: string[];
        };
        ShortfallDto: {
            /** @description Their estimated cost at the unit prices of the student and teacher device types. */
            costCents: number;
            /** @description Missing student plus teacher devices. */
            devices: number;
        };
        SiteDto: {
            /** @description Email address for that feedback (ACCESSIBILITY_CONTACT_EMAIL). */
            accessibilityContactEmail: string | null;
            /** @description Who takes feedback on barriers (ACCESSIBILITY_CONTACT_NAME), e.g. "IT-Service der Stadt Musterstadt". */
            accessibilityContactName: string | null;
            /** @description Link to the operator's imprint (IMPRINT_URL). */
            imprintUrl: string | null;
            /** @description Link to the operator's privacy statement (PRIVACY_URL). */
            privacyUrl: string | null;
        };
        StartStocktakingDto: {
            /** @example Inventur Schuljahr 2026/27 */
            note?: string;
            /** @description Count only these rooms (Standort of the devices, case-insensitive; "" = devices without a room). Whole school when left out. */
            rooms?: string[];
            /** Format: uuid */
            schoolId: string;
        };
        StocktakingDetailDto: {
            /** Format: date-time */
            closedAt: string | null;
            closedBy: string | null;
            expected: number;
            found: number;
            foundElsewhere: number;
            id: string;
            /** @description Missing devices already written off (closed stocktakings). */
            markedLost: number;
            missing: number;
            note: string | null;
            /** @description Per room, by room name. */
            progress: components["schemas"]["RoomProgressDto"][];
            /** @description Null: the whole school. */
            rooms: string[] | null;
            schoolId: string;
            schoolName: string;
            /** Format: date-time */
            startedAt: string;
            startedBy: string | null;
            status: components["schemas"]["StocktakingStatus"];
            unknown: number;
        };
        StocktakingDto: {
            /** Format: date-time */
            closedAt: string | null;
            closedBy: string | null;
            expected: number;
            found: number;
            foundElsewhere: number;
            id: string;
            missing: number;
            note: string | null;
            /** @description Null: the whole school. */
            rooms: string[] | null;
            schoolId: string;
            schoolName: string;
            /** Format: date-time */
            startedAt: string;
            startedBy: string | null;
            status: components["schemas"]["StocktakingStatus"];
            unknown: number;
        };
        /** @enum {string} */
        StocktakingElsewhere: "other_room" | "other_school" | "not_expected";
        /**
         * @description What happens to missing devices without their own decision (default: keep open).
         * @enum {string}
         */
        StocktakingMissingAction: "mark_lost" | "keep_open";
        /**
         * @description What the close decided: marked lost, or kept open; null while the stocktaking is open.
         * @enum {string}
         */
        StocktakingMissingResolution: "lost" | "kept_open";
        StocktakingOverviewDto: {
            countIntervalYears: number;
            openStocktakings: number;
            /** @description Schools whose last complete count is older than the interval, or that were never counted completely. */
            schoolsDue: number;
        };
        StocktakingPageDto: {
            items: components["schemas"]["StocktakingDto"][];
            nextCursor: string | null;
        };
        StocktakingScanDto: {
            createdDevice: boolean;
            deviceId: string | null;
            elsewhere?: (string & components["schemas"]["StocktakingElsewhere"]) | null;
            fromRoom: string | null;
            id: number;
            inventoryNumber: string | null;
            moved: boolean;
            note: string | null;
            result: components["schemas"]["StocktakingScanResult"];
            room: string;
            /** Format: date-time */
            scannedAt: string;
            scannedBy: string | null;
            tag: string;
        };
        StocktakingScanPageDto: {
            items: components["schemas"]["StocktakingScanDto"][];
            nextCursor: string | null;
        };
        /** @enum {string} */
        StocktakingScanResult: "found" | "found_elsewhere" | "unknown" | "duplicate";
        StocktakingSettingsDto: {
            /**
             * @description A school's last complete count older than this many years is due (NRW: at least every five years).
             * @default 5
             */
            countIntervalYears: number;
        };
        /** @enum {string} */
        StocktakingStatus: "open" | "closed";
        SummaryTotalsDto: {
            allocatedCents: number;
            approvedCents: number;
            committedCents: number;
            /** @description Funded share of the committed money (sum of the per-line shares). */
            fundedCents: number;
            ownCents: number;
            paidCents: number;
            paidFundedCents: number;
            paidOwnCents: number;
            /** @description Approved minus committed (coordinators: their schools' allocations minus their committed money). */
            remainingCents: number;
        };
        TokenDto: {
            /** @description The bearer token for the Authorization header. */
            accessToken: string;
            /** @description Lifetime in seconds. */
            expiresIn: number;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        UpdateAuthorityDto: {
            kind?: components["schemas"]["AuthorityKind"];
            name?: string;
            /** @description Null clears it. */
            state?: string;
        };
        UpdateContractDto: {
            /** @description The contract renews itself unless cancelled by the last day to cancel (needs a notice period). */
            autoRenewal?: boolean;
            /**
             * Format: uuid
             * @description The grant expenditure (Rechnung) that paid for the licence: it then shows in that grant's summary and Belegliste.
             */
            expenditureId?: string | null;
            /** @description Invoice reference (Rechnungsnummer). */
            invoiceReference?: string | null;
            licenceModel?: components["schemas"]["LicenceModel"];
            notes?: string | null;
            /**
             * @description The notice period (Kündigungsfrist), in `noticeUnit`, before the end of the term.
             * @example 3
             */
            noticePeriod?: number | null;
            noticeUnit?: (string & components["schemas"]["LicenceNoticeUnit"]) | null;
            /**
             * @description One-off cost in cents (set-up, first purchase).
             * @default 0
             */
            oneOffCents: number;
            /** @description Order reference (Bestellnummer). */
            orderReference?: string | null;
            /**
             * @description Length of each renewed term in months; default 12.
             * @default 12
             */
            renewalMonths: number;
            /**
             * @description Seats (Plätze) bought.
             * @example 1200
             */
            seatsBought?: number;
            /**
             * Format: date
             * @description The last day of the (first) term.
             * @example 2025-08-01
             */
            termEnd?: string;
            /**
             * Format: date
             * @example 2025-08-01
             */
            termStart?: string;
            /** @description The version you read; a stale one is refused with 409 STALE_VERSION. */
            version?: number;
            /**
             * @description Cost per year in cents.
             * @default 0
             */
            yearlyCents: number;
        };
        UpdateCoverageSettingsDto: {
            /** @description Mbit/s per class from which a school counts as served. */
            broadbandServedMbpsPerClass?: number;
            /** @description Broadband target in Mbit/s. */
            broadbandTargetMbps?: number;
            /**
             * @description Replacement age in years, by device type.
             * @example {
             *       "interactive_display": 8,
             *       "laptop": 5
             *     }
             */
            replacementAgeYears?: {
                access_point?: number;
                desktop?: number;
                document_camera?: number;
                interactive_display?: number;
                laptop?: number;
                other?: number;
                printer?: number;
                projector?: number;
                tablet?: number;
            };
            /** @description The device type a missing student device is priced as. */
            studentDeviceType?: components["schemas"]["PersonalDeviceType"];
            /**
             * @description Students per student device, by school type (2 = one device per two students).
             * @example {
             *       "grundschule": 2,
             *       "gymnasium": 1
             *     }
             */
            studentsPerDeviceTarget?: {
                berufskolleg?: number;
                foerderschule?: number;
                gesamtschule?: number;
                grundschule?: number;
                gymnasium?: number;
                hauptschule?: number;
                other?: number;
                realschule?: number;
                sekundarschule?: number;
            };
            /** @description The device type a missing teacher device is priced as. */
            teacherDeviceType?: components["schemas"]["PersonalDeviceType"];
            /** @description Teachers per teacher device. */
            teachersPerDeviceTarget?: number;
            /**
             * @description Unit prices in cents, by device type.
             * @example {
             *       "laptop": 60000,
             *       "tablet": 48000
             *     }
             */
            unitPriceCents?: {
                access_point?: number;
                desktop?: number;
                document_camera?: number;
                interactive_display?: number;
                laptop?: number;
                other?: number;
                printer?: number;
                projector?: number;
                tablet?: number;
            };
            /** @description WLAN target, percent of classrooms. */
            wlanTargetPercent?: number;
        };
        UpdateDeviceDto: {
            /**
             * Format: date
             * @description Inbetriebnahme: the earmarking period of a funded device counts from here.
             * @example 2025-08-01
             */
            commissionedOn?: string | null;
            /**
             * @description Unique within the authority.
             * @example MS-GYM-2024-0042
             */
            inventoryNumber?: string;
            /**
             * @description Room or place.
             * @example Raum 204
             */
            location?: string | null;
            /** @example Lenovo */
            manufacturer?: string;
            model?: string;
            notes?: string | null;
            /** @example Windows 11 Education */
            operatingSystem?: string | null;
            /**
             * Format: date
             * @example 2025-08-01
             */
            purchaseDate?: string | null;
            /**
             * @description Purchase price in cents (gross).
             * @example 64900
             */
            purchasePriceCents?: number | null;
            /**
             * @description Unique per manufacturer within the authority.
             * @example PF3XK9ZQ
             */
            serialNumber?: string | null;
            type?: components["schemas"]["DeviceType"];
            /** @description The version you read; a stale one is refused with 409 STALE_VERSION instead of overwriting someone else's change. */
            version: number;
            /**
             * Format: date
             * @example 2025-08-01
             */
            warrantyUntil?: string | null;
        };
        UpdateExpenditureDto: {
            category?: components["schemas"]["ExpenditureCategory"];
            description?: string;
            /** @description The inventory devices this expenditure bought (replaces the list on update). A device belongs to at most one expenditure. */
            deviceIds?: string[];
            /**
             * @description Gross amount in cents.
             * @example 1797000
             */
            grossCents?: number;
            /**
             * Format: date
             * @description Invoice date; must lie within the grant's eligible period.
             * @example 2025-08-01
             */
            invoiceDate?: string | null;
            /**
             * @description Invoice number; together with `invoiceDate`.
             * @example RE-2024-00817
             */
            invoiceNumber?: string | null;
            /**
             * Format: date
             * @description Date of the order (the commitment).
             * @example 2025-08-01
             */
            orderDate?: string;
            /** @description Accept spending beyond the school's allocation or the grant (office decision, kept in the audit log). */
            overrideBudget?: boolean;
            /** @description Why the budget is overridden; required with `overrideBudget`. */
            overrideReason?: string;
            /**
             * Format: date
             * @description Payment date; needs an invoice.
             * @example 2025-08-01
             */
            paidOn?: string | null;
            /**
             * Format: uuid
             * @description The school the money was spent for (its allocation is charged).
             */
            schoolId?: string;
            vendor?: string;
            version?: number;
        };
        UpdateGrantDto: {
            /**
             * @description Approved budget of eligible spending in cents (funded and own share together).
             * @example 150000000
             */
            approvedCents?: number;
            /**
             * Format: date
             * @description Date of the funding decision (Bewilligungsbescheid).
             * @example 2025-08-01
             */
            decisionDate?: string | null;
            /**
             * @description Earmarking period in years (Zweckbindungsfrist), counted from commissioning.
             * @default 5
             */
            earmarkingYears: number;
            /**
             * @description Earmarking years by device type, overriding `earmarkingYears`.
             * @example {
             *       "laptop": 3,
             *       "tablet": 3
             *     }
             */
            earmarkingYearsByType?: {
                [key: string]: number;
            };
            /**
             * Format: date
             * @description First day of the eligible spending period.
             * @example 2025-08-01
             */
            eligibleFrom?: string;
            /**
             * Format: date
             * @description Last day of the eligible spending period (invoices must be dated within).
             * @example 2025-08-01
             */
            eligibleUntil?: string;
            /**
             * @description Funding rate in percent, at most two decimals; the rest is the authority's own share.
             * @example 90
             */
            fundingRatePercent?: number;
            notes?: string | null;
            program?: components["schemas"]["GrantProgram"];
            /**
             * Format: date
             * @description Due date of the proof of use (Verwendungsnachweis).
             * @example 2025-08-01
             */
            proofDueOn?: string | null;
            /**
             * @description The funder's reference number (Aktenzeichen), unique in the authority.
             * @example 48.01-DP-2020-117
             */
            referenceNumber?: string | null;
            /** @default planned */
            status: components["schemas"]["GrantStatus"];
            title?: string;
            /** @description The version you read; a stale one is refused with 409. */
            version?: number;
        };
        UpdateLicenceSettingsDto: {
            deadlineWarningDays?: number;
            lowUseAfterMonths?: number;
            lowUsePercent?: number;
        };
        UpdateLoanSettingsDto: {
            agreementClauses?: components["schemas"]["AgreementClauseDto"][];
            /** @example 07-31 */
            defaultDueMonthDay?: string;
            retentionDays?: number;
        };
        UpdateNeedDto: {
            category?: components["schemas"]["NeedCategory"];
            /**
             * @description Estimated total cost in cents.
             * @example 1440000
             */
            estimatedCostCents?: number;
            /** @description Why the school needs it (pedagogical concept, current equipment, …). */
            justification?: string;
            /** @default medium */
            priority: components["schemas"]["NeedPriority"];
            /** @example 30 */
            quantity?: number;
            /** @description Short name of the request. */
            title?: string;
            version?: number;
        };
        UpdateProductDto: {
            /** @description The authority approved it for use in schools (freigegeben). */
            approved?: boolean;
            /** @description Where the signed agreement is filed (document number, file reference). Needs `dpaSignedOn`. */
            dpaReference?: string | null;
            /**
             * Format: date
             * @description The day the data-processing agreement (AV-Vertrag, Art. 28 GDPR) was signed; null: not signed.
             * @example 2025-03-01
             */
            dpaSignedOn?: string | null;
            /** @description The data-protection impact assessment (DSFA) is done. */
            dpiaDone?: boolean;
            /** @description Used by students (counts in the licences per student of the coverage); default true. */
            forStudents?: boolean;
            /** @description Where the data is stored; null: unknown. */
            hosting?: (string & components["schemas"]["LicenceHosting"]) | null;
            kind?: components["schemas"]["LicenceProductKind"];
            /** @example bettermarks */
            name?: string;
            notes?: string | null;
            /** @description The platforms or device types it runs on. */
            platforms?: components["schemas"]["LicencePlatform"][];
            /** @description Processes students' personal data (then it needs an AV-Vertrag and the authority's approval). */
            processesStudentData?: boolean;
            /** @description The vendor (Anbieter). */
            vendor?: string;
            /** @description The version you read; a stale one is refused with 409 STALE_VERSION. */
            version?: number;
        };
        UpdateSchoolDto: {
            /** @description Broadband downstream in Mbit/s. */
            broadbandMbps?: number;
            city?: string;
            classCount?: number;
            hasFibre?: boolean;
            name?: string;
            postalCode?: string;
            /**
             * @description Official school number (Schulnummer), unique in the authority.
             * @example 165432
             */
            schoolNumber?: string;
            schoolType?: components["schemas"]["SchoolType"];
            street?: string;
            studentCount?: number;
            teacherCount?: number;
            /** @description The version you read; a stale one is refused with 409 instead of overwriting someone else's change. */
            version?: number;
            /** @description Share of classrooms with WLAN, 0-100. */
            wlanCoveragePercent?: number;
        };
        UpdateStocktakingSettingsDto: {
            countIntervalYears: number;
        };
        UpdateUserDto: {
            /** @description Deactivated users can no longer log in; their existing tokens stop working at once. */
            active?: boolean;
            displayName?: string;
            /** @description Sets a new password (at least 12 characters). */
            password?: string;
            role?: components["schemas"]["Role"];
        };
        UsageImportResultDto: {
            /** @description Rows without a usable number of seats (row numbers of the file, 1 = header). */
            invalidRows: number[];
            /** @description School numbers of schools the contract is not for. */
            notInContract: string[];
            /** @description School numbers of the file that no school of the authority has. */
            unknownSchoolNumbers: string[];
            /** @description Rows whose school number matched a school of the contract. */
            updated: number;
        };
        UserDto: {
            active: boolean;
            authorityId: string | null;
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            email: string;
            id: string;
            /** Format: date-time */
            lastLoginAt: string | null;
            role: components["schemas"]["Role"];
            schoolIds: string[];
        };
        UserPageDto: {
            items: components["schemas"]["UserDto"][];
            nextCursor: string | null;
        };
        VersionDto: {
            /** @description The version you read; a stale one is refused with 409 STALE_VERSION. */
            version?: number;
        };
        WlanDto: {
            meetsTarget: boolean | null;
            percent: number | null;
            targetPercent: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    Health_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE with `Retry-After`; `details.checks` names what failed and why */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Audit_list: {
        parameters: {
            query?: {
                /** @description e.g. `device.updated`. */
                action?: string;
                actorId?: string;
                cursor?: string;
                entityId?: string;
                /** @description e.g. `device`, `school`, `loan`, `grant`. */
                entityType?: string;
                /** @description Entries from this day on (a calendar day in Berlin, from 00:00 local time). */
                from?: string;
                limit?: number;
                /** @description Entries up to and including this day (Berlin); not before `from`. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Wrong email or password, or the account is deactivated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too many attempts: wait the seconds of `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Auth_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Auth_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Too many attempts: wait the seconds of `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Authorities_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorityDto"][];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Authorities_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAuthorityDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorityDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Authorities_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorityDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Authorities_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAuthorityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorityDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Authorities_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorityDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Coverage_list: {
        parameters: {
            query?: {
                /** @description The day ages are measured on; defaults to today. */
                asOf?: string;
                /** @description `true`: only schools due for a stocktaking (Inventur); `false`: only those counted within the interval. */
                countDue?: boolean;
                cursor?: string;
                limit?: number;
                /** @description Default: the worst schools first (descending for ratios, shortfalls and counts; ascending for bandwidth and WLAN). */
                order?: "asc" | "desc";
                schoolType?: components["schemas"]["SchoolType"];
                /** @description The indicator to sort by; default `studentsPerDevice`. */
                sort?: components["schemas"]["CoverageSort"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoveragePageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ReportExports_coverageXlsx: {
        parameters: {
            query?: {
                /** @description The day ages are measured on; defaults to today. */
                asOf?: string;
                /** @description `true`: only schools due for a stocktaking (Inventur); `false`: only those counted within the interval. */
                countDue?: boolean;
                lang?: components["schemas"]["ExportLang"];
                /** @description Default: the worst schools first (descending for ratios, shortfalls and counts; ascending for bandwidth and WLAN). */
                order?: "asc" | "desc";
                schoolType?: components["schemas"]["SchoolType"];
                /** @description The indicator to sort by; default `studentsPerDevice`. */
                sort?: components["schemas"]["CoverageSort"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The coverage list (one sheet). Streamed; the file name (authority, subject, date) is in Content-Disposition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Coverage_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoverageSettingsDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Coverage_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCoverageSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoverageSettingsDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Devices_list: {
        parameters: {
            query?: {
                cursor?: string;
                grantId?: string;
                limit?: number;
                location?: string;
                manufacturer?: string;
                notCountedSince?: string;
                notLabelled?: boolean;
                purchaseYear?: number;
                q?: string;
                schoolId?: string;
                sort?: components["schemas"]["DeviceSort"];
                status?: components["schemas"]["DeviceStatus"][];
                type?: components["schemas"]["DeviceType"][];
                warrantyBefore?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevicePageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Devices_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (1–200 visible ASCII characters, e.g. a UUID) that makes the write safe to send again: the same request with the same key within 24 h answers the first answer without doing it again; the same key with another request answers 422 IDEMPOTENCY_KEY_REUSED. Keys are per user. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeviceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The school is not one of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The inventory number, or the serial number of this manufacturer, exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IDEMPOTENCY_KEY_REUSED: the key was used for another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Devices_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDetailDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Devices_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeviceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Stale version, or a duplicate inventory/serial number */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Devices_history: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceHistoryPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Devices_move: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveDeviceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     The device or the target school is not one of yours
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The device is loaned or retired, or the version is stale */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Devices_changeStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeDeviceStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The change breaks the life-cycle rules, needs a confirmation, or the version is stale */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Devices_byTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDetailDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The serial number belongs to devices of several manufacturers */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Devices_importFile: {
        parameters: {
            query?: {
                /** @description Only validate and report; write nothing. */
                dryRun?: boolean;
                /** @description The school every row goes to, unless the file has a Schulnummer (school number) column. */
                schoolId?: string;
            };
            header?: {
                /** @description A key of the client's choosing (1–200 visible ASCII characters, e.g. a UUID) that makes the write safe to send again: the same request with the same key within 24 h answers the first answer without doing it again; the same key with another request answers 422 IDEMPOTENCY_KEY_REUSED. Keys are per user. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportDto"];
                };
            };
            /** @description A malformed file, or problems in rows (details.report lists them); nothing was written */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description More than 10 MB or 20000 rows */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IDEMPOTENCY_KEY_REUSED: the key was used for another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Exports_inventoryXlsx: {
        parameters: {
            query?: {
                grantId?: string;
                lang?: components["schemas"]["ExportLang"];
                location?: string;
                manufacturer?: string;
                notCountedSince?: string;
                notLabelled?: boolean;
                purchaseYear?: number;
                q?: string;
                schoolId?: string;
                sort?: components["schemas"]["DeviceSort"];
                status?: components["schemas"]["DeviceStatus"][];
                type?: components["schemas"]["DeviceType"][];
                warrantyBefore?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inventory (one sheet). Streamed; the file name (authority, subject, date) is in Content-Disposition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Exports_loansXlsx: {
        parameters: {
            query?: {
                /** @description Exact class or course, e.g. 7b. */
                borrowerClass?: string;
                borrowerKind?: components["schemas"]["BorrowerKind"];
                deviceId?: string;
                /** @description Loans due on or before this date (with `state=active`: what must come back by then). */
                dueBy?: string;
                lang?: components["schemas"]["ExportLang"];
                schoolId?: string;
                /** @description `active`: not yet returned (overdue loans included); `overdue`: not returned and past the due date; `returned`. */
                state?: components["schemas"]["LoanState"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The loans (one sheet). Streamed; the file name (authority, subject, date) is in Content-Disposition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Grants_list: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                program?: components["schemas"]["GrantProgram"];
                status?: components["schemas"]["GrantStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Grants_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGrantDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The reference number exists in this authority */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Expenditures_list: {
        parameters: {
            query?: {
                category?: components["schemas"]["ExpenditureCategory"];
                cursor?: string;
                limit?: number;
                schoolId?: string;
            };
            header?: never;
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenditurePageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`grantId` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Expenditures_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateExpenditureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenditureDto"];
                };
            };
            /**
             * @description Invalid input: `fieldErrors` names the fields (`grantId` must be a UUID)
             *
             *     Invoice date outside the eligible period, unknown devices, invalid fields
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     Grant or school not found
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Read-only grant, budget exceeded without override, device already linked, duplicate invoice */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Expenditures_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenditureDto"];
                };
            };
            /**
             * @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID)
             *
             *     Invalid input: `fieldErrors` names the fields (`grantId` must be a UUID)
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     Not found, or outside what the caller may see
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Expenditures_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID)
             *
             *     Invalid input: `fieldErrors` names the fields (`grantId` must be a UUID)
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     Not found, or outside what the caller may see
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Read-only grant */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Expenditures_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateExpenditureDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenditureDto"];
                };
            };
            /**
             * @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID)
             *
             *     Invalid input: `fieldErrors` names the fields (`grantId` must be a UUID)
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     Not found, or outside what the caller may see
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Stale version, read-only grant, budget exceeded without override, device already linked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Grants_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Grants_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The grant is read-only or has expenditures */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Grants_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateGrantDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Stale version, read-only grant, illegal status change, or the budget would fall below allocations/spending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Grants_listAllocations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationDto"][];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Grants_setAllocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetAllocationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationDto"];
                };
            };
            /**
             * @description Invalid input: `fieldErrors` names the fields (`schoolId` must be a UUID)
             *
             *     Invalid input: `fieldErrors` names the fields (`id` must be a UUID)
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     Not found, or outside what the caller may see
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Read-only grant, or the allocations would exceed the approved amount */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Grants_removeAllocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Invalid input: `fieldErrors` names the fields (`schoolId` must be a UUID)
             *
             *     Invalid input: `fieldErrors` names the fields (`id` must be a UUID)
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     Not found, or outside what the caller may see
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Read-only grant, or the school has expenditures */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportExports_grantReportXlsx: {
        parameters: {
            query?: {
                /** @description Reporting date: committed = ordered by then, paid = paid by then (federal reports: 30 June and 31 December). */
                asOf?: string;
                lang?: components["schemas"]["ExportLang"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof of use (four sheets). Streamed; the file name (authority, subject, date) is in Content-Disposition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Grants_summary: {
        parameters: {
            query?: {
                /** @description Reporting date: committed = ordered by then, paid = paid by then (federal reports: 30 June and 31 December). */
                asOf?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantSummaryDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Grants_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantSettingsDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Grants_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantSettingsDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Labels_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabelsRequestDto"];
            };
        };
        responses: {
            /** @description The PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Labels_formats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelFormatDto"][];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    LicencesExport_licencesXlsx: {
        parameters: {
            query?: {
                lang?: components["schemas"]["ExportLang"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The licence list (three sheets). Streamed; the file name (authority, subject, date) is in Content-Disposition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_listContracts: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                productId?: string;
                /** @description Only contracts of this school (authority-wide ones included), with this school's seats. */
                schoolId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_createContract: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContractDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The product, a school or the expenditure does not exist in this authority */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_getContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_removeContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_updateContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContractDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description STALE_VERSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Licences_listSeats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeatDto"][];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_assignSeats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetSeatsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeatDto"];
                };
            };
            /**
             * @description Invalid input: `fieldErrors` names the fields (`schoolId` must be a UUID)
             *
             *     Invalid input: `fieldErrors` names the fields (`id` must be a UUID)
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     Not found, or outside what the caller may see
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description CONFLICT: more seats than bought (details.available) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Licences_removeSeats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Invalid input: `fieldErrors` names the fields (`schoolId` must be a UUID)
             *
             *     Invalid input: `fieldErrors` names the fields (`id` must be a UUID)
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     Not found, or outside what the caller may see
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_setUse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                schoolId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetUseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeatDto"];
                };
            };
            /**
             * @description Invalid input: `fieldErrors` names the fields (`schoolId` must be a UUID)
             *
             *     Invalid input: `fieldErrors` names the fields (`id` must be a UUID)
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     Not found, or outside what the caller may see
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_importUsage: {
        parameters: {
            query?: {
                /** @description Only match and report; write nothing. */
                dryRun?: boolean;
                /** @description The day the vendor counted the use; default today. */
                inUseOn?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageImportResultDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_listProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"][];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_removeProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The product has licence contracts */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Licences_updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description STALE_VERSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Licences_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenceSettingsDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateLicenceSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenceSettingsDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Licences_warnings: {
        parameters: {
            query?: {
                /** @description Only warnings of this school's licences (and of the products and contracts it takes part in). */
                schoolId?: string;
                /** @description Days ahead for deadline warnings instead of the authority's setting. */
                withinDays?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenceWarningsDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Loans_list: {
        parameters: {
            query?: {
                /** @description Exact class or course, e.g. 7b. */
                borrowerClass?: string;
                borrowerKind?: components["schemas"]["BorrowerKind"];
                cursor?: string;
                deviceId?: string;
                /** @description Loans due on or before this date (with `state=active`: what must come back by then). */
                dueBy?: string;
                limit?: number;
                schoolId?: string;
                /** @description `active`: not yet returned (overdue loans included); `overdue`: not returned and past the due date; `returned`. */
                state?: components["schemas"]["LoanState"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Loans_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (1–200 visible ASCII characters, e.g. a UUID) that makes the write safe to send again: the same request with the same key within 24 h answers the first answer without doing it again; the same key with another request answers 422 IDEMPOTENCY_KEY_REUSED. Keys are per user. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLoanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The device is already on loan or not available */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IDEMPOTENCY_KEY_REUSED: the key was used for another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Loans_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Loans_markAgreementSigned: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkAgreementSignedDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Stale version, or the agreement is already marked as signed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Loans_agreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Loans_extend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendLoanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The loan was already returned */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Loans_return: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (1–200 visible ASCII characters, e.g. a UUID) that makes the write safe to send again: the same request with the same key within 24 h answers the first answer without doing it again; the same key with another request answers 422 IDEMPOTENCY_KEY_REUSED. Keys are per user. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnLoanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The loan was already returned */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IDEMPOTENCY_KEY_REUSED: the key was used for another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Loans_agreements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementsPdfDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Loans_bulkLend: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (1–200 visible ASCII characters, e.g. a UUID) that makes the write safe to send again: the same request with the same key within 24 h answers the first answer without doing it again; the same key with another request answers 422 IDEMPOTENCY_KEY_REUSED. Keys are per user. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkLendDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResultDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: the key was used for another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Loans_bulkReturn: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (1–200 visible ASCII characters, e.g. a UUID) that makes the write safe to send again: the same request with the same key within 24 h answers the first answer without doing it again; the same key with another request answers 422 IDEMPOTENCY_KEY_REUSED. Keys are per user. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkReturnDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResultDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: the key was used for another request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Loans_erase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseBorrowerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureResultDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Loans_getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanSettingsDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Loans_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateLoanSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanSettingsDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Needs_list: {
        parameters: {
            query?: {
                category?: components["schemas"]["NeedCategory"];
                cursor?: string;
                grantId?: string;
                limit?: number;
                priority?: components["schemas"]["NeedPriority"];
                schoolId?: string;
                status?: components["schemas"]["NeedStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Needs_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNeedDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The school is not one the caller may write for */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ReportExports_needsXlsx: {
        parameters: {
            query?: {
                category?: components["schemas"]["NeedCategory"];
                grantId?: string;
                lang?: components["schemas"]["ExportLang"];
                priority?: components["schemas"]["NeedPriority"];
                schoolId?: string;
                status?: components["schemas"]["NeedStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The needs list (one sheet). Streamed; the file name (authority, subject, date) is in Content-Disposition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Needs_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Needs_remove: {
        parameters: {
            query?: {
                /** @description The version you read; a stale one is refused with 409 STALE_VERSION. */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ILLEGAL_STATE: no longer a draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Needs_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNeedDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ILLEGAL_STATE: no longer a draft (details.currentStatus); STALE_VERSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Needs_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideNeedDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ILLEGAL_STATE: not submitted (details.currentStatus); STALE_VERSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Needs_linkGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkGrantDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not found, or outside what the caller may see
             *
             *     The request or the grant does not exist in this authority
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ILLEGAL_STATE: not approved (details.currentStatus); STALE_VERSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Needs_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ILLEGAL_STATE (details.currentStatus); STALE_VERSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Needs_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ILLEGAL_STATE (details.currentStatus); STALE_VERSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Schools_list: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, at most 1000. */
                limit?: number;
                /** @description Part of the name or school number. */
                q?: string;
                schoolType?: components["schemas"]["SchoolType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Schools_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSchoolDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Schools_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Schools_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Schools_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSchoolDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SchoolCoverage_get: {
        parameters: {
            query?: {
                /** @description The day ages are measured on; defaults to today. */
                asOf?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolCoverageResponseDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Schools_names: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, at most 5000 (the default: every school of a city or a state in one page). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolNamePageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Site_site: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteDto"];
                };
            };
        };
    };
    Stats_overview: {
        parameters: {
            query?: {
                /** @description The day ages are measured on; defaults to today. */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Stocktakings_list: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                schoolId?: string;
                status?: components["schemas"]["StocktakingStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StocktakingPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Stocktakings_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartStocktakingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StocktakingDetailDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The school has an open stocktaking */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Stocktakings_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StocktakingDetailDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Stocktakings_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseStocktakingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StocktakingDetailDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Already closed, or a device cannot become lost or needs the earmarking confirmation */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportExports_stocktakingXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stocktaking list (Übersicht and Geräte). Streamed; the file name (authority, subject, date) is in Content-Disposition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Stocktakings_missing: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MissingPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Stocktakings_scans: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StocktakingScanPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Stocktakings_scan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanResultDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The stocktaking is closed, the device cannot move, or the serial number is ambiguous */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Stocktakings_due: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountDueDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Stocktakings_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StocktakingSettingsDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Stocktakings_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStocktakingSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StocktakingSettingsDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Users_list: {
        parameters: {
            query?: {
                /** @description Platform admins only: users of one authority. */
                authorityId?: string;
                cursor?: string;
                limit?: number;
                role?: components["schemas"]["Role"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Users_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Users_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Users_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    Users_setSchools: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetUserSchoolsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input: `fieldErrors` names the fields (`id` must be a UUID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found, or outside what the caller may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflict: duplicate, stale version, illegal state change, or a record still referenced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
}
