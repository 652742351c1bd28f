package nl.schakel.casefile;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface Referrals extends Repository<Referral, UUID> {

	Optional<Referral> findById(UUID caseId);

	Referral save(Referral referral);

}
